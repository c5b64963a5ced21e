/* chan_waiters.h (internal): where blocked senders or receivers of a channel sleep.
 * An event count over park.c: a waiter announces itself (sleepers++), reads seq,
 * re-tries its operation, spins while seq is unchanged, and at last parks (parked++).
 * A notifier changes the channel first, then bumps seq only if someone announced
 * itself, and makes the wake syscall only if someone really parked. So the fast path of
 * send/recv makes no syscall, nor does waking a waiter that is still spinning. */
#ifndef FEARLESS_CHAN_WAITERS_H
#define FEARLESS_CHAN_WAITERS_H

#include <fearless/status.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "park.h"

#define FL_CACHE_LINE 128 /* two lines: x86 prefetches pairs of 64-byte lines */

struct chan_waiters {
    alignas(FL_CACHE_LINE) _Atomic uint32_t seq;
    _Atomic uint32_t sleepers; /* announced waiters, spinning or parked */
    _Atomic uint32_t parked;   /* waiters in (or entering) the futex wait */
    /* The notifier orders its change before its sleepers load with fl_fence_light
     * only (fence.h), so a waiter must pay the heavy fence after announcing itself. */
    bool heavy_fence;
};

void chan_waiters_init(struct chan_waiters *w);

/* One attempt at an operation; returns `again` when it should wait and retry. */
typedef fl_status (*chan_attempt)(void *ctx);

/* Retries attempt with backoff, then parks on w until it returns something other than
 * again. With a deadline, gives FL_TIMEOUT once it passes (after one last attempt). */
fl_status chan_waiters_block(struct chan_waiters *w, chan_attempt attempt, void *ctx,
                             fl_status again, const fl_deadline *deadline);

/* Bumps seq; wakes one or all parked waiters if there are any. */
void chan_waiters_wake(struct chan_waiters *w, int all);

/* Call after the change a sleeper waits for has been published (by a seq_cst RMW, after
 * a seq_cst fence, or after fl_fence_light if heavy_fence is set): the seq_cst load pairs
 * with the sleeper's seq_cst increment. */
static inline void chan_waiters_notify_one(struct chan_waiters *w) {
    if (atomic_load_explicit(&w->sleepers, memory_order_seq_cst) != 0)
        chan_waiters_wake(w, 0);
}

static inline void chan_waiters_notify_all(struct chan_waiters *w) {
    atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load_explicit(&w->sleepers, memory_order_seq_cst) != 0)
        chan_waiters_wake(w, 1);
}

#endif
