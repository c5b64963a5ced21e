/* rwlock.h: a writer-preferring futex reader-writer lock (std::sync::RwLock). */
#ifndef FEARLESS_RWLOCK_H
#define FEARLESS_RWLOCK_H

#include <fearless.h>
#include <fearless/status.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct LOCK_TYPE fl_rwlock {
    _Atomic uint32_t state;         /* reader count or write-locked, plus waiting bits */
    _Atomic uint32_t writer_notify; /* bumped to wake one writer */
} fl_rwlock;
#define FL_RWLOCK_INIT {0, 0}

fl_status fl_rwlock_init(fl_rwlock *l);
void fl_rwlock_read_lock(fl_rwlock *l) ACQUIRE_SHARED(l);
void fl_rwlock_read_unlock(fl_rwlock *l) RELEASE_SHARED(l);
void fl_rwlock_write_lock(fl_rwlock *l) ACQUIRE(l);
void fl_rwlock_write_unlock(fl_rwlock *l) RELEASE(l);
bool fl_rwlock_try_read_lock(fl_rwlock *l) FL_ANNOTATE_("fearless:try_acquire_shared:true, l")
    FL_TSA_(try_acquire_shared_capability(true, l));
bool fl_rwlock_try_write_lock(fl_rwlock *l) TRY_ACQUIRE(true, l);

#endif
