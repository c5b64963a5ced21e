/* chan_zero.c: the rendezvous flavor. All of its state is one 32-bit word:
 *   bits 0-1  the offer slot: EMPTY, WRITING, OFFERED, TAKING
 *   bits 2-3  the receiver: RX_IDLE, RX_WAITING, RX_CLAIMED, RX_DONE
 *   bit 4     RX_CLOSED: the receiver is gone
 *   bit 5     TX_CLOSED: every sender is gone
 *   bits 6-   seq: bumped whenever an offer is taken, so its sender sees "taken"
 * A message crosses one of two ways, so that only one side waits for the other:
 *   - the receiver comes first: it publishes its buffer (rx_out), goes RX_WAITING and
 *     sleeps. A sender claims it (-> RX_CLAIMED), copies straight into rx_out, sets
 *     RX_DONE and returns at once: the claimed receiver cannot back out (its timeout or
 *     disconnect only cancels an unclaimed wait), so the hand-off is done.
 *   - the sender comes first: it fills the offer slot (EMPTY -> WRITING -> OFFERED) and
 *     waits until a receiver takes it (-> TAKING -> EMPTY with the next seq).
 * While a receiver is still picking up a delivery, the next sender can already offer,
 * so back-to-back messages alternate between the two ways without extra waits. Either
 * way send returns only once the receiver has the message, as Rust's sync_channel(0).
 * The receiver and an offering sender park on the state word itself (every change they
 * wait for changes the word the futex compares); senders that find the slot busy park
 * on `senders`. No allocation per message. */
#include <stdlib.h>
#include <string.h>

#include "backoff.h"
#include "chan_flavors.h"
#include "elem_copy.h"

#define SLOT_MASK 3u
#define EMPTY 0u
#define WRITING 1u
#define OFFERED 2u
#define TAKING 3u
#define RX_SHIFT 2
#define RX_MASK (3u << RX_SHIFT)
#define RX_IDLE (0u << RX_SHIFT)
#define RX_WAITING (1u << RX_SHIFT)
#define RX_CLAIMED (2u << RX_SHIFT)
#define RX_DONE (3u << RX_SHIFT)
#define RX_CLOSED 16u
#define TX_CLOSED 32u
#define SEQ_ONE 64u
#define SEQ_MASK (~(SEQ_ONE - 1))

static uint32_t slot_of(uint32_t s) { return s & SLOT_MASK; }
static uint32_t rx_of(uint32_t s) { return s & RX_MASK; }

fl_status chan_zero_init(struct chan_zero *z, size_t elem_size) {
    z->slot = malloc(elem_size);
    if (z->slot == NULL)
        return FL_NOMEM;
    z->elem_size = elem_size;
    z->rx_out = NULL;
    atomic_init(&z->state, EMPTY | RX_IDLE);
    atomic_init(&z->state_sleepers, 0);
    chan_waiters_init(&z->senders);
    return FL_OK;
}

/* Adds delta to the state (a phase change; the other fields are kept). */
static uint32_t add_state(struct chan_zero *z, uint32_t delta) {
    return atomic_fetch_add_explicit(&z->state, delta, memory_order_seq_cst) + delta;
}

/* After a seq_cst change of state: wake whoever parked on it. */
static void wake_state(struct chan_zero *z) {
    if (atomic_load_explicit(&z->state_sleepers, memory_order_seq_cst) != 0)
        fl_unpark_all(&z->state);
}

/* Waits while state == seen: spins, then parks (announced first, so wake_state cannot
 * miss us). Returns the new state, or `seen` itself when the deadline passed. */
static uint32_t wait_change(struct chan_zero *z, uint32_t seen, const fl_deadline *deadline) {
    backoff b = {0};
    uint32_t s;
    while ((s = atomic_load_explicit(&z->state, memory_order_acquire)) == seen) {
        if (!backoff_completed(&b)) {
            backoff_snooze(&b);
            continue;
        }
        atomic_fetch_add_explicit(&z->state_sleepers, 1, memory_order_seq_cst);
        bool in_time = true;
        if (atomic_load_explicit(&z->state, memory_order_seq_cst) == seen)
            in_time = fl_park(&z->state, seen, deadline);
        atomic_fetch_sub_explicit(&z->state_sleepers, 1, memory_order_relaxed);
        if (!in_time)
            return atomic_load_explicit(&z->state, memory_order_acquire);
    }
    return s;
}

/* ---- sending ---- */

/* Hands value to the receiver waiting in state s: FL_OK, or FL_FULL if it lost a race. */
static fl_status deliver(struct chan_zero *z, uint32_t s, const void *value) {
    if (!atomic_compare_exchange_strong_explicit(&z->state, &s, s - RX_WAITING + RX_CLAIMED,
                                                 memory_order_acquire, memory_order_relaxed))
        return FL_FULL;
    elem_copy(z->rx_out, value, z->elem_size);
    add_state(z, RX_DONE - RX_CLAIMED);
    wake_state(z);
    return FL_OK;
}

/* Waits until the receiver takes the offer made in state mine. */
static fl_status wait_taken(struct chan_zero *z, uint32_t mine) {
    uint32_t now = mine;
    for (;;) {
        now = wait_change(z, now, NULL);
        if ((now & SEQ_MASK) != (mine & SEQ_MASK) || slot_of(now) == TAKING)
            return FL_OK;
        if (now & RX_CLOSED) /* the receiver left without it */
            return FL_DISCONNECTED;
        /* only the receiver's own phase changed: keep waiting */
    }
}

/* Offers value in the empty slot (state s) and waits until it is taken. */
static fl_status offer(struct chan_zero *z, uint32_t s, const void *value) {
    if (!atomic_compare_exchange_strong_explicit(&z->state, &s, s + WRITING, memory_order_acquire,
                                                 memory_order_relaxed))
        return FL_FULL;
    elem_copy(z->slot, value, z->elem_size);
    uint32_t mine = add_state(z, OFFERED - WRITING);
    if (mine & RX_CLOSED) /* the receiver left meanwhile: nobody will take it */
        return FL_DISCONNECTED;
    wake_state(z);
    return wait_taken(z, mine);
}

/* One try: FL_OK (sent), FL_FULL (nobody to take it now) or FL_DISCONNECTED. */
static fl_status send_attempt(struct chan_zero *z, const void *value, bool may_offer) {
    for (;;) {
        uint32_t s = atomic_load_explicit(&z->state, memory_order_acquire);
        if (s & RX_CLOSED)
            return FL_DISCONNECTED;
        fl_status status;
        if (rx_of(s) == RX_WAITING)
            status = deliver(z, s, value);
        else if (slot_of(s) == EMPTY && may_offer)
            status = offer(z, s, value);
        else
            return FL_FULL;
        if (status != FL_FULL)
            return status;
        /* lost a race for the receiver or the slot: look again */
    }
}

struct zero_send_ctx {
    struct chan_zero *z;
    const void *value;
};

static fl_status blocking_send_attempt(void *ctx) {
    struct zero_send_ctx *c = ctx;
    return send_attempt(c->z, c->value, true);
}

fl_status chan_zero_send(struct chan_zero *z, const void *value) {
    fl_status status = send_attempt(z, value, true);
    if (status != FL_FULL)
        return status;
    struct zero_send_ctx ctx = {z, value};
    return chan_waiters_block(&z->senders, blocking_send_attempt, &ctx, FL_FULL, NULL);
}

/* Succeeds only when the receiver is waiting in recv: then it is handed over at once. */
fl_status chan_zero_try_send(struct chan_zero *z, const void *value) {
    return send_attempt(z, value, false);
}

/* ---- receiving ---- */

/* Takes the offer seen in state s: FL_OK, or FL_EMPTY if s is stale. */
static fl_status take_offer(struct chan_zero *z, uint32_t s, void *out) {
    if (!atomic_compare_exchange_strong_explicit(&z->state, &s, s - OFFERED + TAKING,
                                                 memory_order_acquire, memory_order_relaxed))
        return FL_EMPTY;
    elem_copy(out, z->slot, z->elem_size);
    add_state(z, SEQ_ONE - TAKING); /* TAKING -> EMPTY, next seq */
    wake_state(z);                  /* its sender may be parked */
    chan_waiters_notify_one(&z->senders);
    return FL_OK;
}

fl_status chan_zero_try_recv(struct chan_zero *z, void *out) {
    for (;;) {
        uint32_t s = atomic_load_explicit(&z->state, memory_order_acquire);
        if (slot_of(s) != OFFERED)
            return (s & TX_CLOSED) && slot_of(s) == EMPTY ? FL_DISCONNECTED : FL_EMPTY;
        if (take_offer(z, s, out) == FL_OK)
            return FL_OK;
    }
}

/* Ends an unclaimed wait (state s): true if cancelled, false if a sender claimed it. */
static bool cancel_wait(struct chan_zero *z, uint32_t s) {
    return atomic_compare_exchange_strong_explicit(&z->state, &s, s - RX_WAITING,
                                                   memory_order_acquire, memory_order_relaxed);
}

/* In RX_WAITING (state s): waits for a delivery, an offer, the senders to go, or the
 * deadline. Returns FL_EMPTY when the wait was cancelled to take an offer instead. */
static fl_status wait_delivery(struct chan_zero *z, uint32_t s, const fl_deadline *deadline) {
    for (;;) {
        uint32_t now = wait_change(z, s, rx_of(s) == RX_WAITING ? deadline : NULL);
        if (rx_of(now) == RX_DONE) {
            add_state(z, RX_IDLE - RX_DONE); /* the message is already in our buffer */
            return FL_OK;
        }
        if (rx_of(now) == RX_WAITING) {
            bool timed_out = now == s;
            if ((timed_out || (now & TX_CLOSED) || slot_of(now) == OFFERED) &&
                cancel_wait(z, now)) {
                if (slot_of(now) == OFFERED)
                    return FL_EMPTY;
                return (now & TX_CLOSED) ? FL_DISCONNECTED : FL_TIMEOUT;
            }
        }
        s = now; /* claimed (the message is being copied in) or an unrelated change */
    }
}

fl_status chan_zero_recv(struct chan_zero *z, void *out, const fl_deadline *deadline) {
    backoff b = {0};
    for (;;) {
        uint32_t s = atomic_load_explicit(&z->state, memory_order_acquire);
        if (slot_of(s) == OFFERED) {
            if (take_offer(z, s, out) == FL_OK)
                return FL_OK;
        } else if (slot_of(s) == EMPTY) {
            if (s & TX_CLOSED)
                return FL_DISCONNECTED;
            z->rx_out = out; /* published by the seq_cst CAS below */
            if (atomic_compare_exchange_strong_explicit(&z->state, &s, s + RX_WAITING,
                                                        memory_order_seq_cst,
                                                        memory_order_relaxed)) {
                chan_waiters_notify_one(&z->senders); /* a sender may deliver right away */
                fl_status status = wait_delivery(z, s + RX_WAITING, deadline);
                if (status != FL_EMPTY)
                    return status;
            }
        } else { /* a sender is writing its offer */
            if (deadline != NULL && fl_deadline_passed(deadline))
                return FL_TIMEOUT;
            backoff_snooze(&b);
        }
    }
}

/* ---- disconnection ---- */

void chan_zero_disconnect_senders(struct chan_zero *z) {
    atomic_fetch_or_explicit(&z->state, TX_CLOSED, memory_order_seq_cst);
    wake_state(z);
}

void chan_zero_disconnect_receiver(struct chan_zero *z) {
    atomic_fetch_or_explicit(&z->state, RX_CLOSED, memory_order_seq_cst);
    wake_state(z);
    chan_waiters_notify_all(&z->senders);
}

void chan_zero_destroy(struct chan_zero *z) {
    free(z->slot);
}
