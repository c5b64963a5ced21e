/* Each thread writes its own element of a local results array; the spawner reads them
 * after joining all threads. */
#include <fearless/thread.h>
#include <stdio.h>

static void *square(void *arg)
{
    long *slot = arg;
    *slot = *slot * *slot;
    return NULL;
}

int main(void)
{
    long results[8];
    fl_thread *handles[8];
    int started = 0;
    for (int i = 0; i < 8; i++) {
        results[i] = i;
        if (fl_spawn(&handles[i], square, &results[i]) != FL_OK)
            break;
        started++;
    }
    for (int i = 0; i < started; i++)
        fl_join(handles[i], NULL);
    for (int i = 0; i < started; i++)
        printf("%ld\n", results[i]);
    return 0;
}
// expected-no-diagnostics
