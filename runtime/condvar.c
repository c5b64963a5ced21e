/* condvar.c: sequence-counter condvar. A waiter reads the counter before it unlocks the
 * mutex and sleeps only while the counter is unchanged, so a signal sent after the
 * unlock is never lost. Signals skip the syscall when nobody waits. */
#include <fearless/condvar.h>

#include "park.h"

fl_status fl_condvar_init(fl_condvar *c) {
    if (c == NULL)
        return FL_INVAL;
    atomic_init(&c->seq, 0);
    atomic_init(&c->waiters, 0);
    return FL_OK;
}

/* Returns false when the deadline passed. */
static bool wait_until(fl_condvar *c, fl_mutex *m, const fl_deadline *deadline)
    NO_THREAD_SAFETY_ANALYSIS {
    atomic_fetch_add_explicit(&c->waiters, 1, memory_order_seq_cst);
    uint32_t seq = atomic_load_explicit(&c->seq, memory_order_seq_cst);
    fl_mutex_unlock(m);
    bool woken = fl_park(&c->seq, seq, deadline);
    atomic_fetch_sub_explicit(&c->waiters, 1, memory_order_relaxed);
    fl_mutex_lock(m);
    return woken;
}

void fl_condvar_wait(fl_condvar *c, fl_mutex *m) {
    if (c == NULL || m == NULL)
        return;
    wait_until(c, m, NULL);
}

fl_status fl_condvar_wait_timeout(fl_condvar *c, fl_mutex *m, unsigned ms) {
    if (c == NULL || m == NULL)
        return FL_INVAL;
    fl_deadline deadline = fl_deadline_after_ms(ms);
    return wait_until(c, m, &deadline) ? FL_OK : FL_TIMEOUT;
}

void fl_condvar_signal(fl_condvar *c) {
    if (c == NULL)
        return;
    atomic_fetch_add_explicit(&c->seq, 1, memory_order_seq_cst);
    if (atomic_load_explicit(&c->waiters, memory_order_seq_cst) != 0)
        fl_unpark_one(&c->seq);
}

void fl_condvar_broadcast(fl_condvar *c) {
    if (c == NULL)
        return;
    atomic_fetch_add_explicit(&c->seq, 1, memory_order_seq_cst);
    if (atomic_load_explicit(&c->waiters, memory_order_seq_cst) != 0)
        fl_unpark_all(&c->seq);
}
