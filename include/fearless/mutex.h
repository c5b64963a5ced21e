/* mutex.h: a futex mutex (std::sync::Mutex) and a typed mutex whose data is reachable
 * only through the pointer its lock returns (MutexGuard). */
#ifndef FEARLESS_MUTEX_H
#define FEARLESS_MUTEX_H

#include <fearless.h>
#include <fearless/status.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct LOCK_TYPE fl_mutex {
    _Atomic uint32_t state; /* 0 unlocked, 1 locked, 2 locked with waiters */
} fl_mutex;
#define FL_MUTEX_INIT {0}

fl_status fl_mutex_init(fl_mutex *m);
void fl_mutex_destroy(fl_mutex *m);
void fl_mutex_lock(fl_mutex *m) ACQUIRE(m);
void fl_mutex_unlock(fl_mutex *m) RELEASE(m);
bool fl_mutex_trylock(fl_mutex *m) TRY_ACQUIRE(true, m);

/* Typed mutex: data is reachable only through the guard pointer fl_mutex_of_lock returns. */
typedef struct fl_mutex_of {
    fl_mutex lock;
    void *data PT_GUARDED_BY(lock);
} fl_mutex_of;

fl_status fl_mutex_of_init(fl_mutex_of *m, void *data);
void *fl_mutex_of_lock(fl_mutex_of *m) ACQUIRE(m->lock) RETURNS_GUARD(m->lock);
void fl_mutex_of_unlock(fl_mutex_of *m) RELEASE(m->lock);

#endif
