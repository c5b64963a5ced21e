/* Spawns a thread that owns a heap value, joins it, prints its result. */
#include <fearless.h>
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

static void *square(void *arg)
{
    int *value = arg;
    long result = (long)*value * *value;
    free(value);
    return (void *)result;
}

int main(void)
{
    int *value = malloc(sizeof *value);
    if (!value)
        return 1;
    *value = 12;
    fl_thread *thread;
    if (fl_spawn(&thread, square, value) != FL_OK)
        return 1;
    void *result;
    if (fl_join(thread, &result) != FL_OK)
        return 1;
    printf("consumer: %ld\n", (long)result);
    return (long)result == 144 ? 0 : 1;
}
