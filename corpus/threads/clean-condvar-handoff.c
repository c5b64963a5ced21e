/* A worker waits on a condition variable for a flag the spawner sets under the same
 * lock; the shared state lives on the spawner's stack until the join. */
#include <pthread.h>
#include <stdio.h>

struct handoff {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    int go;
    int value;
};

static void *wait_for_go(void *arg)
{
    struct handoff *handoff = arg;
    pthread_mutex_lock(&handoff->lock);
    while (!handoff->go)
        pthread_cond_wait(&handoff->ready, &handoff->lock);
    printf("%d\n", handoff->value);
    pthread_mutex_unlock(&handoff->lock);
    return NULL;
}

int main(void)
{
    struct handoff handoff = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
    pthread_t thread;
    if (pthread_create(&thread, NULL, wait_for_go, &handoff) != 0)
        return 1;
    pthread_mutex_lock(&handoff.lock);
    handoff.value = 7;
    handoff.go = 1;
    pthread_cond_signal(&handoff.ready);
    pthread_mutex_unlock(&handoff.lock);
    pthread_join(thread, NULL);
    return 0;
}
// expected-no-diagnostics
