/* The E0373 fix, `thread::spawn(move || ...)`: the thread owns the vector. In C the vector
 * is heap memory handed to fl_spawn (its argument is MOVED) and the thread frees it.
 * Clean, as with rustc. */
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

static void *print_vector(void *arg)
{
    int *v = arg;
    printf("Here's a vector: [%d, %d, %d]\n", v[0], v[1], v[2]);
    free(v);
    return NULL;
}

int main(void)
{
    int *v = malloc(3 * sizeof *v);
    if (!v)
        return 1;
    v[0] = 1;
    v[1] = 2;
    v[2] = 3;
    fl_thread *handle;
    if (fl_spawn(&handle, print_vector, v) != FL_OK) {
        free(v); /* a failed spawn leaves v with us */
        return 1;
    }
    fl_join(handle, NULL);
    return 0;
}
// expected-no-diagnostics
