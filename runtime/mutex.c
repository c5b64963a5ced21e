/* mutex.c: the classic three-state futex mutex (0 unlocked, 1 locked, 2 locked and
 * maybe contended). Uncontended lock is one CAS, unlock one exchange; only unlocking a
 * contended mutex makes a syscall. */
#include <fearless/mutex.h>

#include "backoff.h"
#include "park.h"

enum { UNLOCKED = 0, LOCKED = 1, CONTENDED = 2, SPIN_TRIES = 100 };

fl_status fl_mutex_init(fl_mutex *m) {
    if (m == NULL)
        return FL_INVAL;
    atomic_init(&m->state, UNLOCKED);
    return FL_OK;
}

void fl_mutex_destroy(fl_mutex *m) {
    (void)m; /* nothing to free: a futex is just a word */
}

/* Spins while the holder is likely to let go soon (locked, nobody parked yet). */
static uint32_t spin_while_locked(fl_mutex *m) {
    uint32_t state = atomic_load_explicit(&m->state, memory_order_relaxed);
    for (int i = 0; state == LOCKED && i < SPIN_TRIES; i++) {
        cpu_relax();
        state = atomic_load_explicit(&m->state, memory_order_relaxed);
    }
    return state;
}

static void lock_contended(fl_mutex *m) {
    uint32_t state = spin_while_locked(m);
    if (state == UNLOCKED) {
        uint32_t expected = UNLOCKED;
        if (atomic_compare_exchange_strong_explicit(&m->state, &expected, LOCKED,
                                                    memory_order_acquire, memory_order_relaxed))
            return;
    }
    /* From here on we may sleep, so the word says CONTENDED: the unlocker must wake. */
    while (atomic_exchange_explicit(&m->state, CONTENDED, memory_order_acquire) != UNLOCKED) {
        fl_park(&m->state, CONTENDED, NULL);
    }
}

/* NULL locks are ignored (bad input must not crash); the branch costs nothing measurable. */
void fl_mutex_lock(fl_mutex *m) NO_THREAD_SAFETY_ANALYSIS {
    if (m == NULL)
        return;
    uint32_t expected = UNLOCKED;
    if (atomic_compare_exchange_strong_explicit(&m->state, &expected, LOCKED,
                                                memory_order_acquire, memory_order_relaxed))
        return;
    lock_contended(m);
}

bool fl_mutex_trylock(fl_mutex *m) NO_THREAD_SAFETY_ANALYSIS {
    if (m == NULL)
        return false;
    uint32_t expected = UNLOCKED;
    return atomic_compare_exchange_strong_explicit(&m->state, &expected, LOCKED,
                                                   memory_order_acquire, memory_order_relaxed);
}

void fl_mutex_unlock(fl_mutex *m) NO_THREAD_SAFETY_ANALYSIS {
    if (m == NULL)
        return;
    if (atomic_exchange_explicit(&m->state, UNLOCKED, memory_order_release) == CONTENDED)
        fl_unpark_one(&m->state);
}

fl_status fl_mutex_of_init(fl_mutex_of *m, void *data) NO_THREAD_SAFETY_ANALYSIS {
    if (m == NULL)
        return FL_INVAL;
    fl_mutex_init(&m->lock);
    m->data = data; /* not shared yet: initialization needs no lock */
    return FL_OK;
}

void *fl_mutex_of_lock(fl_mutex_of *m) NO_THREAD_SAFETY_ANALYSIS {
    if (m == NULL)
        return NULL;
    fl_mutex_lock(&m->lock);
    return m->data;
}

void fl_mutex_of_unlock(fl_mutex_of *m) NO_THREAD_SAFETY_ANALYSIS {
    if (m == NULL)
        return;
    fl_mutex_unlock(&m->lock);
}
