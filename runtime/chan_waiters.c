/* chan_waiters.c: spin, then park, on a channel's event count. */
#include "chan_waiters.h"

#include "backoff.h"
#include "fence.h"

void chan_waiters_init(struct chan_waiters *w) {
    atomic_init(&w->seq, 0);
    atomic_init(&w->sleepers, 0);
    atomic_init(&w->parked, 0);
    w->heavy_fence = false;
}

void chan_waiters_wake(struct chan_waiters *w, int all) {
    atomic_fetch_add_explicit(&w->seq, 1, memory_order_seq_cst);
    if (atomic_load_explicit(&w->parked, memory_order_seq_cst) == 0)
        return; /* announced waiters still spinning see the new seq */
    if (all)
        fl_unpark_all(&w->seq);
    else
        fl_unpark_one(&w->seq);
}

/* Waits for seq to move on from seen: spins first (a notification usually comes soon
 * and a futex round trip costs microseconds), then parks. False when the deadline passed. */
static bool wait_for_notification(struct chan_waiters *w, uint32_t seen,
                                  const fl_deadline *deadline) {
    backoff b = {0};
    while (atomic_load_explicit(&w->seq, memory_order_acquire) == seen && !backoff_completed(&b))
        backoff_snooze(&b);
    bool in_time = true;
    atomic_fetch_add_explicit(&w->parked, 1, memory_order_seq_cst);
    if (atomic_load_explicit(&w->seq, memory_order_seq_cst) == seen)
        in_time = fl_park(&w->seq, seen, deadline);
    atomic_fetch_sub_explicit(&w->parked, 1, memory_order_relaxed);
    return in_time;
}

fl_status chan_waiters_block(struct chan_waiters *w, chan_attempt attempt, void *ctx,
                             fl_status again, const fl_deadline *deadline) {
    backoff b = {0};
    for (;;) {
        fl_status status = attempt(ctx);
        if (status != again)
            return status;
        if (!backoff_completed(&b)) {
            backoff_snooze(&b);
            continue;
        }
        atomic_fetch_add_explicit(&w->sleepers, 1, memory_order_seq_cst);
        if (w->heavy_fence)
            fl_fence_heavy();
        uint32_t seq = atomic_load_explicit(&w->seq, memory_order_seq_cst);
        status = attempt(ctx); /* the state may have changed before we announced ourselves */
        bool in_time = status == again ? wait_for_notification(w, seq, deadline) : true;
        atomic_fetch_sub_explicit(&w->sleepers, 1, memory_order_relaxed);
        if (status != again)
            return status;
        if (!in_time) {
            status = attempt(ctx);
            return status == again ? FL_TIMEOUT : status;
        }
        b.step = 0;
    }
}
