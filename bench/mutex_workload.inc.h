/* mutex_workload.inc.h: lock, increment a shared counter, unlock -- compiled once per
 * mutex implementation (mutex_fearless.c, mutex_pthread.c) so both run the same loop.
 * The including file defines m_type, m_init(m_type *), m_destroy(m_type *),
 * m_lock(m_type *), m_unlock(m_type *) and gets static m_run(threads, ops). */
#include "bench.h"

#include <pthread.h>

typedef struct mutex_work {
    m_type lock;
    uint64_t counter; /* guarded by lock */
    uint64_t per_thread;
} mutex_work;

static void *hammer(void *arg) {
    mutex_work *w = arg;
    for (uint64_t i = 0; i < w->per_thread; i++) {
        m_lock(&w->lock);
        w->counter++;
        m_unlock(&w->lock);
    }
    return NULL;
}

/* Seconds for `ops` lock/unlock pairs over 1 or 2 threads; -1 on bad input or a wrong
 * count (a broken lock loses increments). */
static double m_run(int threads, uint64_t ops) {
    if (threads != 1 && threads != 2)
        return -1;
    mutex_work w = {.per_thread = ops / (uint64_t)threads};
    m_init(&w.lock);
    /* On 1t a thread that does nothing comes and goes first: it makes the process
     * multi-threaded, as every process that needs a mutex is (glibc skips the atomics
     * while a process has a single thread). */
    mutex_work idle = {.per_thread = 0};
    pthread_t other;
    if (threads == 1 && (pthread_create(&other, NULL, hammer, &idle) != 0 ||
                         pthread_join(other, NULL) != 0))
        return -1;
    double start = bench_now();
    if (threads == 2 && pthread_create(&other, NULL, hammer, &w) != 0)
        return -1;
    hammer(&w);
    if (threads == 2)
        pthread_join(other, NULL);
    double seconds = bench_now() - start;
    m_destroy(&w.lock);
    return w.counter == w.per_thread * (uint64_t)threads ? seconds : -1;
}
