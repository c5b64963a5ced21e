/* fence.h (internal): an asymmetric store-load fence, as membarrier(2) allows. A hot path
 * that runs once per message ("store X; light fence; load Y") pairs with a cold path that
 * runs once per park ("store Y; heavy fence; load X") exactly as two seq_cst fences would,
 * but the light side costs only a compiler barrier: the heavy side's membarrier makes
 * every running thread of the process execute a full fence (a thread not running has
 * passed one in its context switch). Without membarrier both sides are seq_cst fences. */
#ifndef FEARLESS_FENCE_H
#define FEARLESS_FENCE_H

#include <stdatomic.h>
#include <stdbool.h>

/* True once membarrier's private expedited command is registered (fl_fence_init). */
extern _Atomic bool fl_fence_asymmetric;

/* Call before the first light fence that must pair with a heavy one (idempotent). */
void fl_fence_init(void);

/* The heavy side: a syscall when asymmetric. */
void fl_fence_heavy(void);

/* The light side, on the hot path. */
static inline void fl_fence_light(void) {
    if (atomic_load_explicit(&fl_fence_asymmetric, memory_order_relaxed))
        atomic_signal_fence(memory_order_seq_cst);
    else
        atomic_thread_fence(memory_order_seq_cst);
}

#endif
