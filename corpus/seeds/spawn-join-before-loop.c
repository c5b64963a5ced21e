/* Rust listing 16-2 variant: join placed before main's loop. The threads no longer run at
 * the same time (the spawned one finishes first), but nothing is wrong: clean, as with
 * rustc. */
#include <fearless/thread.h>
#include <stdio.h>

static void *count_to_nine(void *arg)
{
    for (int i = 1; i < 10; i++) {
        printf("hi number %d from the spawned thread!\n", i);
        fl_sleep_ms(1);
    }
    return arg;
}

int main(void)
{
    fl_thread *handle;
    if (fl_spawn(&handle, count_to_nine, NULL) != FL_OK)
        return 1;
    fl_join(handle, NULL);
    for (int i = 1; i < 5; i++) {
        printf("hi number %d from the main thread!\n", i);
        fl_sleep_ms(1);
    }
    return 0;
}
// expected-no-diagnostics
