/* A thread pool's shared context: the threads touch only the queue (under its lock); the
 * spawner writes other members, or the queue under the same lock, while they run. */
#include <pthread.h>
#include <stdlib.h>

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    int pending;
    int shutdown;
    size_t thread_count;
    pthread_t *threads;
};

static void *pool_thread(void *arg)
{
    struct pool *pool = arg;
    pthread_mutex_lock(&pool->lock);
    while (!pool->shutdown) {
        while (pool->pending == 0 && !pool->shutdown)
            pthread_cond_wait(&pool->ready, &pool->lock);
        if (pool->pending > 0)
            pool->pending--;
    }
    pthread_mutex_unlock(&pool->lock);
    return NULL;
}

struct pool *pool_create(size_t count)
{
    struct pool *pool = calloc(1, sizeof *pool);
    if (!pool)
        return NULL;
    pool->threads = calloc(count, sizeof *pool->threads);
    if (!pool->threads) {
        free(pool);
        return NULL;
    }
    pthread_mutex_init(&pool->lock, NULL);
    pthread_cond_init(&pool->ready, NULL);
    for (size_t i = 0; i < count; i++) {
        if (pthread_create(&pool->threads[i], NULL, pool_thread, pool) != 0)
            break;
        pool->thread_count = i + 1; /* never touched by the threads */
    }
    pthread_mutex_lock(&pool->lock);
    pool->pending = 3; /* the threads' member, under their lock */
    pthread_cond_broadcast(&pool->ready);
    pthread_mutex_unlock(&pool->lock);
    return pool;
}
// expected-no-diagnostics
