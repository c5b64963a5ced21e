/* The seeds' `drop(v)` example without `move`: the thread only borrows v, and main drops
 * it while the thread may still be reading it (rustc: E0505, cannot move out of `v`
 * because it is borrowed). In C: v is lent to pthread_create's thread (the thread function
 * only reads it) and freed before the join. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *print_vector(void *arg)
{
    const int *v = arg;
    printf("Here's a vector: [%d, %d, %d]\n", v[0], v[1], v[2]);
    return NULL;
}

int main(void)
{
    int *v = calloc(3, sizeof *v);
    if (!v)
        return 1;
    pthread_t handle;
    if (pthread_create(&handle, NULL, print_vector, v) != 0) { // expected-note {{'v' is lent to the thread spawned here}}
        free(v);
        return 1;
    }
    free(v); // expected-error {{cannot move out of 'v' while it is lent to a running thread}} expected-note {{help: join the thread before this access}}
    pthread_join(handle, NULL);
    return 0;
}
