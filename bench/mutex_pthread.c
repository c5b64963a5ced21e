/* mutex_pthread.c: the mutex workload over a default pthread_mutex_t (the baseline). */
#include <pthread.h>

#include "bench.h"

typedef pthread_mutex_t m_type;

static void m_init(pthread_mutex_t *m) {
    pthread_mutex_init(m, NULL);
}

static void m_destroy(pthread_mutex_t *m) {
    pthread_mutex_destroy(m);
}

static void m_lock(pthread_mutex_t *m) {
    pthread_mutex_lock(m);
}

static void m_unlock(pthread_mutex_t *m) {
    pthread_mutex_unlock(m);
}

#include "mutex_workload.inc.h"

double bench_mutex_pthread(int threads, uint64_t ops) {
    return m_run(threads, ops);
}
