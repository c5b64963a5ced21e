// expected-no-diagnostics
/* A fixed thread pool: a work queue under a mutex, a condvar for new work, a shutdown flag,
 * workers spawned in a loop with an error path that joins what was started. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

struct task {
    struct task *next;
    void (*run)(void *ctx);
    void *ctx;
};

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t has_work;
    struct task *head;
    struct task *tail;
    bool shutdown;
    size_t nthreads;
    pthread_t *threads;
};

static void lock_queue(struct pool *pool) { pthread_mutex_lock(&pool->lock); }
static void unlock_queue(struct pool *pool) { pthread_mutex_unlock(&pool->lock); }

static struct task *take_task(struct pool *pool)
{
    struct task *task = pool->head;
    if (task) {
        pool->head = task->next;
        if (!pool->head)
            pool->tail = NULL;
    }
    return task;
}

static void *worker(void *arg)
{
    struct pool *pool = arg;
    for (;;) {
        lock_queue(pool);
        while (!pool->head && !pool->shutdown)
            pthread_cond_wait(&pool->has_work, &pool->lock);
        if (pool->shutdown && !pool->head) {
            unlock_queue(pool);
            break;
        }
        struct task *task = take_task(pool);
        unlock_queue(pool);
        task->run(task->ctx);
        free(task);
    }
    return NULL;
}

int pool_submit(struct pool *pool, void (*run)(void *), void *ctx)
{
    struct task *task = malloc(sizeof *task);
    if (!task)
        return -1;
    task->next = NULL;
    task->run = run;
    task->ctx = ctx;
    lock_queue(pool);
    if (pool->tail)
        pool->tail->next = task;
    else
        pool->head = task;
    pool->tail = task;
    pthread_cond_signal(&pool->has_work);
    unlock_queue(pool);
    return 0;
}

static void stop_workers(struct pool *pool, size_t started)
{
    lock_queue(pool);
    pool->shutdown = true;
    pthread_cond_broadcast(&pool->has_work);
    unlock_queue(pool);
    for (size_t i = 0; i < started; i++)
        pthread_join(pool->threads[i], NULL);
}

struct pool *pool_create(size_t nthreads)
{
    struct pool *pool = calloc(1, sizeof *pool);
    if (!pool)
        return NULL;
    pool->threads = calloc(nthreads, sizeof *pool->threads);
    if (!pool->threads)
        goto fail_pool;
    if (pthread_mutex_init(&pool->lock, NULL) != 0)
        goto fail_threads;
    if (pthread_cond_init(&pool->has_work, NULL) != 0)
        goto fail_lock;
    pool->nthreads = nthreads;
    for (size_t i = 0; i < nthreads; i++) {
        if (pthread_create(&pool->threads[i], NULL, worker, pool) != 0) {
            stop_workers(pool, i);
            goto fail_cond;
        }
    }
    return pool;
fail_cond:
    pthread_cond_destroy(&pool->has_work);
fail_lock:
    pthread_mutex_destroy(&pool->lock);
fail_threads:
    free(pool->threads);
fail_pool:
    free(pool);
    return NULL;
}

void pool_destroy(struct pool *pool)
{
    stop_workers(pool, pool->nthreads);
    struct task *task = pool->head;
    while (task) {
        struct task *next = task->next;
        free(task);
        task = next;
    }
    pthread_cond_destroy(&pool->has_work);
    pthread_mutex_destroy(&pool->lock);
    free(pool->threads);
    free(pool);
}

static void count(void *ctx) { __atomic_fetch_add((int *)ctx, 1, __ATOMIC_RELAXED); }

int main(void)
{
    int total = 0;
    struct pool *pool = pool_create(4);
    if (!pool)
        return 1;
    for (int i = 0; i < 100; i++)
        if (pool_submit(pool, count, &total) != 0)
            break;
    pool_destroy(pool);
    return total == 100 ? 0 : 1;
}
