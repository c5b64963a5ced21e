/* condvar.h: a sequence-counter futex condition variable (std::sync::Condvar). */
#ifndef FEARLESS_CONDVAR_H
#define FEARLESS_CONDVAR_H

#include <fearless.h>
#include <fearless/mutex.h>
#include <fearless/status.h>
#include <stdint.h>

typedef struct fl_condvar {
    _Atomic uint32_t seq;     /* bumped by every signal/broadcast */
    _Atomic uint32_t waiters; /* threads inside wait: signals skip the syscall when 0 */
} fl_condvar;
#define FL_CONDVAR_INIT {0, 0}

fl_status fl_condvar_init(fl_condvar *c);
/* Releases m, sleeps until signalled (or spuriously), retakes m. */
void fl_condvar_wait(fl_condvar *c, fl_mutex *m) REQUIRES(m);
/* FL_OK when woken, FL_TIMEOUT when ms passed; m is held again either way. */
fl_status fl_condvar_wait_timeout(fl_condvar *c, fl_mutex *m, unsigned ms) REQUIRES(m);
void fl_condvar_signal(fl_condvar *c);
void fl_condvar_broadcast(fl_condvar *c);

#endif
