/* The thread allocates its result and returns it; the joiner takes and frees it. */
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

static void *compute(void *arg)
{
    (void)arg;
    long *result = malloc(sizeof *result);
    if (result)
        *result = 42;
    return result;
}

int main(void)
{
    fl_thread *handle;
    if (fl_spawn(&handle, compute, NULL) != FL_OK)
        return 1;
    void *value = NULL;
    if (fl_join(handle, &value) != FL_OK || !value)
        return 1;
    long *result = value;
    printf("%ld\n", *result);
    free(result);
    return 0;
}
// expected-no-diagnostics
