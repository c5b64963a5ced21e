/* The same NOT_SYNC object lent to two running threads at once. */
#include <fearless.h>
#include <pthread.h>
#include <stdio.h>

struct NOT_SYNC cursor {
    int position;
};

static void *walk(void *arg)
{
    const struct cursor *cursor = arg;
    printf("%d\n", cursor->position);
    return NULL;
}

int walk_twice(struct cursor *cursor)
{
    pthread_t first, second;
    if (pthread_create(&first, NULL, walk, cursor) != 0) // expected-note {{already shared with the thread spawned here}}
        return -1;
    if (pthread_create(&second, NULL, walk, cursor) != 0) { // expected-error {{'struct cursor' cannot be shared between threads safely}} expected-note {{help: move it to a single thread}}
        pthread_join(first, NULL);
        return -1;
    }
    pthread_join(first, NULL);
    pthread_join(second, NULL);
    return 0;
}
