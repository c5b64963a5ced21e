/* mutex_fearless.c: the mutex workload over fl_mutex. */
#include <fearless/mutex.h>

#include "bench.h"

typedef fl_mutex m_type;

static void m_init(fl_mutex *m) {
    if (fl_mutex_init(m) != FL_OK)
        bench_die("fl_mutex_init", "failed");
}

static void m_destroy(fl_mutex *m) {
    fl_mutex_destroy(m);
}

static void m_lock(fl_mutex *m) ACQUIRE(m) {
    fl_mutex_lock(m);
}

static void m_unlock(fl_mutex *m) RELEASE(m) {
    fl_mutex_unlock(m);
}

#include "mutex_workload.inc.h"

double bench_mutex_fearless(int threads, uint64_t ops) {
    return m_run(threads, ops);
}
