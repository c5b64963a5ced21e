/* Rust listing 16-2: the handle is joined at the end of main, so the spawned thread
 * finishes. Clean, as with rustc. */
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
    for (int i = 1; i < 5; i++) {
        printf("hi number %d from the main thread!\n", i);
        fl_sleep_ms(1);
    }
    fl_join(handle, NULL);
    return 0;
}
// expected-no-diagnostics
