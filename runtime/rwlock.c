/* rwlock.c: writer-preferring futex rwlock. state holds the reader count (or WRITE_LOCKED)
 * in its low 30 bits plus two bits saying readers / writers are parked. Readers park on
 * state, writers on writer_notify, so a writer can be woken without waking every reader. */
#include <fearless/rwlock.h>

#include "backoff.h"
#include "park.h"

#define READ_MASK ((1u << 30) - 1)
#define WRITE_LOCKED READ_MASK
#define MAX_READERS (READ_MASK - 1)
#define READERS_WAITING (1u << 30)
#define WRITERS_WAITING (1u << 31)
#define SPIN_TRIES 100

static bool is_unlocked(uint32_t s) { return (s & READ_MASK) == 0; }
static bool is_write_locked(uint32_t s) { return (s & READ_MASK) == WRITE_LOCKED; }
/* New readers queue behind parked writers so writers are not starved. */
static bool is_read_lockable(uint32_t s) {
    return (s & READ_MASK) < MAX_READERS && (s & (READERS_WAITING | WRITERS_WAITING)) == 0;
}

fl_status fl_rwlock_init(fl_rwlock *l) {
    if (l == NULL)
        return FL_INVAL;
    atomic_init(&l->state, 0);
    atomic_init(&l->writer_notify, 0);
    return FL_OK;
}

/* Spins a little while a writer holds the lock and nobody parked yet. */
static uint32_t spin_until(fl_rwlock *l, bool for_write) {
    uint32_t s = atomic_load_explicit(&l->state, memory_order_relaxed);
    for (int i = 0; i < SPIN_TRIES; i++) {
        bool busy = for_write ? !is_unlocked(s) : is_write_locked(s);
        if (!busy || (s & (READERS_WAITING | WRITERS_WAITING)) != 0)
            break;
        cpu_relax();
        s = atomic_load_explicit(&l->state, memory_order_relaxed);
    }
    return s;
}

bool fl_rwlock_try_read_lock(fl_rwlock *l) NO_THREAD_SAFETY_ANALYSIS {
    if (l == NULL)
        return false;
    uint32_t s = atomic_load_explicit(&l->state, memory_order_relaxed);
    while (is_read_lockable(s)) {
        if (atomic_compare_exchange_weak_explicit(&l->state, &s, s + 1, memory_order_acquire,
                                                  memory_order_relaxed))
            return true;
    }
    return false;
}

void fl_rwlock_read_lock(fl_rwlock *l) NO_THREAD_SAFETY_ANALYSIS {
    if (l == NULL)
        return;
    uint32_t s = atomic_load_explicit(&l->state, memory_order_relaxed);
    for (;;) {
        if (is_read_lockable(s)) {
            if (atomic_compare_exchange_weak_explicit(&l->state, &s, s + 1, memory_order_acquire,
                                                      memory_order_relaxed))
                return;
            continue;
        }
        if ((s & READERS_WAITING) == 0) {
            if (!atomic_compare_exchange_weak_explicit(&l->state, &s, s | READERS_WAITING,
                                                       memory_order_relaxed,
                                                       memory_order_relaxed))
                continue;
        }
        /* Parked readers are woken by the unlock that sees READERS_WAITING. */
        fl_park(&l->state, s | READERS_WAITING, NULL);
        s = spin_until(l, false);
    }
}

/* Bumps writer_notify and wakes one writer; false when no writer was parked on it. */
static bool wake_writer(fl_rwlock *l) {
    atomic_fetch_add_explicit(&l->writer_notify, 1, memory_order_release);
    return fl_unpark_one(&l->writer_notify);
}

/* Called with the lock just released (s unlocked, some waiting bit set): hands it to one
 * parked writer, or else to all parked readers. If someone locks it meanwhile, that
 * holder's unlock does the waking instead. */
static void wake_writer_or_readers(fl_rwlock *l, uint32_t s) {
    if (s == WRITERS_WAITING) {
        if (atomic_compare_exchange_strong_explicit(&l->state, &s, 0, memory_order_relaxed,
                                                    memory_order_relaxed)) {
            wake_writer(l);
            return;
        }
    }
    if (s == (READERS_WAITING | WRITERS_WAITING)) {
        if (!atomic_compare_exchange_strong_explicit(&l->state, &s, READERS_WAITING,
                                                     memory_order_relaxed, memory_order_relaxed))
            return;
        if (wake_writer(l))
            return; /* that writer's unlock wakes the readers */
        s = READERS_WAITING; /* no writer was asleep: readers must not be stranded */
    }
    if (s == READERS_WAITING) {
        if (atomic_compare_exchange_strong_explicit(&l->state, &s, 0, memory_order_relaxed,
                                                    memory_order_relaxed))
            fl_unpark_all(&l->state);
    }
}

void fl_rwlock_read_unlock(fl_rwlock *l) NO_THREAD_SAFETY_ANALYSIS {
    if (l == NULL)
        return;
    uint32_t s = atomic_fetch_sub_explicit(&l->state, 1, memory_order_release) - 1;
    /* The last reader out wakes a parked writer (readers never park behind readers). */
    if (is_unlocked(s) && (s & WRITERS_WAITING) != 0)
        wake_writer_or_readers(l, s);
}

bool fl_rwlock_try_write_lock(fl_rwlock *l) NO_THREAD_SAFETY_ANALYSIS {
    if (l == NULL)
        return false;
    uint32_t s = atomic_load_explicit(&l->state, memory_order_relaxed);
    while (is_unlocked(s)) {
        if (atomic_compare_exchange_weak_explicit(&l->state, &s, s + WRITE_LOCKED,
                                                  memory_order_acquire, memory_order_relaxed))
            return true;
    }
    return false;
}

void fl_rwlock_write_lock(fl_rwlock *l) NO_THREAD_SAFETY_ANALYSIS {
    if (l == NULL)
        return;
    uint32_t other_writers = 0; /* after parking once, assume others wait too */
    uint32_t s = spin_until(l, true);
    for (;;) {
        if (is_unlocked(s)) {
            if (atomic_compare_exchange_weak_explicit(&l->state, &s,
                                                      s | WRITE_LOCKED | other_writers,
                                                      memory_order_acquire, memory_order_relaxed))
                return;
            continue;
        }
        if ((s & WRITERS_WAITING) == 0 &&
            !atomic_compare_exchange_weak_explicit(&l->state, &s, s | WRITERS_WAITING,
                                                   memory_order_relaxed, memory_order_relaxed))
            continue;
        /* Other writers may have parked behind our bit: keep it set when we get the lock. */
        other_writers = WRITERS_WAITING;
        /* Read the counter before re-checking state so no wake-up slips between. */
        uint32_t seq = atomic_load_explicit(&l->writer_notify, memory_order_acquire);
        s = atomic_load_explicit(&l->state, memory_order_relaxed);
        if (is_unlocked(s) || (s & WRITERS_WAITING) == 0)
            continue; /* changed meanwhile: retry instead of sleeping */
        fl_park(&l->writer_notify, seq, NULL);
        s = spin_until(l, true);
    }
}

void fl_rwlock_write_unlock(fl_rwlock *l) NO_THREAD_SAFETY_ANALYSIS {
    if (l == NULL)
        return;
    uint32_t s =
        atomic_fetch_sub_explicit(&l->state, WRITE_LOCKED, memory_order_release) - WRITE_LOCKED;
    if ((s & (READERS_WAITING | WRITERS_WAITING)) != 0)
        wake_writer_or_readers(l, s);
}
