/* chan_zero.c: the rendezvous flavor. One hand-off slot and one 32-bit state word:
 *   bits 0-1  phase of the slot: EMPTY, WRITING (a sender fills it), OFFERED, TAKING
 *   bit 2     RX_CLOSED: the receiver is gone
 *   bit 3     TX_CLOSED: every sender is gone
 *   bits 4-   seq: bumped each time an offer ends, so an offering sender sees "taken"
 * A sender claims the empty slot (CAS), copies its message in, offers it and waits
 * until the receiver has taken it: send returns only after the hand-off, as Rust's
 * sync_channel(0). The receiver and the offering sender park on the state word itself,
 * so every change they wait for also changes the word the futex compares. Senders
 * waiting for the slot park on `senders`. No allocation per message. */
#include <stdlib.h>
#include <string.h>

#include "backoff.h"
#include "chan_flavors.h"

#define PHASE_MASK 3u
#define EMPTY 0u
#define WRITING 1u
#define OFFERED 2u
#define TAKING 3u
#define RX_CLOSED 4u
#define TX_CLOSED 8u
#define SEQ_ONE 16u

static uint32_t phase(uint32_t s) { return s & PHASE_MASK; }

fl_status chan_zero_init(struct chan_zero *z, size_t elem_size) {
    z->slot = malloc(elem_size);
    if (z->slot == NULL)
        return FL_NOMEM;
    z->elem_size = elem_size;
    atomic_init(&z->state, EMPTY);
    atomic_init(&z->state_sleepers, 0);
    atomic_init(&z->rx_in_recv, 0);
    chan_waiters_init(&z->senders);
    return FL_OK;
}

/* After a seq_cst change of state: wake whoever parked on it. */
static void wake_state(struct chan_zero *z) {
    if (atomic_load_explicit(&z->state_sleepers, memory_order_seq_cst) != 0)
        fl_unpark_all(&z->state);
}

/* Parks while state == seen (announce first, so wake_state cannot miss us). */
static bool park_on_state(struct chan_zero *z, uint32_t seen, const fl_deadline *deadline) {
    atomic_fetch_add_explicit(&z->state_sleepers, 1, memory_order_seq_cst);
    bool in_time = true;
    if (atomic_load_explicit(&z->state, memory_order_seq_cst) == seen)
        in_time = fl_park(&z->state, seen, deadline);
    atomic_fetch_sub_explicit(&z->state_sleepers, 1, memory_order_relaxed);
    return in_time;
}

/* ---- sending ---- */

/* Claims the empty slot for writing: FL_OK, FL_FULL (busy) or FL_DISCONNECTED. */
static fl_status claim_slot(struct chan_zero *z) {
    uint32_t s = atomic_load_explicit(&z->state, memory_order_relaxed);
    for (;;) {
        if (s & RX_CLOSED)
            return FL_DISCONNECTED;
        if (phase(s) != EMPTY)
            return FL_FULL;
        if (atomic_compare_exchange_weak_explicit(&z->state, &s, s | WRITING,
                                                  memory_order_acquire, memory_order_relaxed))
            return FL_OK;
    }
}

static fl_status claim_attempt(void *ctx) {
    return claim_slot(ctx);
}

/* Fills the claimed slot and offers it; returns the offered state, or 0 when the
 * receiver left meanwhile (the slot is released then). */
static uint32_t offer(struct chan_zero *z, const void *value) {
    memcpy(z->slot, value, z->elem_size);
    uint32_t mine = atomic_fetch_add_explicit(&z->state, OFFERED - WRITING, memory_order_seq_cst) +
                    (OFFERED - WRITING);
    if (mine & RX_CLOSED)
        return 0;
    wake_state(z);
    return mine;
}

/* Takes the offer back if still untaken: true when withdrawn. */
static bool withdraw(struct chan_zero *z, uint32_t mine) {
    uint32_t empty = (mine & ~PHASE_MASK) + SEQ_ONE;
    if (!atomic_compare_exchange_strong_explicit(&z->state, &mine, empty, memory_order_seq_cst,
                                                 memory_order_relaxed))
        return false;
    chan_waiters_notify_one(&z->senders);
    return true;
}

/* After an offer: FL_OK once taken, FL_DISCONNECTED if the receiver left without it. */
static fl_status offer_outcome(uint32_t mine, uint32_t now) {
    return now == (mine | RX_CLOSED) ? FL_DISCONNECTED : FL_OK;
}

static fl_status wait_taken(struct chan_zero *z, uint32_t mine) {
    backoff b = {0};
    uint32_t s;
    while ((s = atomic_load_explicit(&z->state, memory_order_acquire)) == mine) {
        if (backoff_completed(&b))
            park_on_state(z, mine, NULL);
        else
            backoff_snooze(&b);
    }
    return offer_outcome(mine, s);
}

fl_status chan_zero_send(struct chan_zero *z, const void *value) {
    fl_status status = claim_slot(z);
    if (status == FL_FULL)
        status = chan_waiters_block(&z->senders, claim_attempt, z, FL_FULL, NULL);
    if (status != FL_OK)
        return status;
    uint32_t mine = offer(z, value);
    return mine == 0 ? FL_DISCONNECTED : wait_taken(z, mine);
}

/* Succeeds only when the receiver is inside recv to take the message right away. */
fl_status chan_zero_try_send(struct chan_zero *z, const void *value) {
    if (!atomic_load_explicit(&z->rx_in_recv, memory_order_seq_cst)) {
        uint32_t s = atomic_load_explicit(&z->state, memory_order_relaxed);
        return (s & RX_CLOSED) ? FL_DISCONNECTED : FL_FULL;
    }
    fl_status status = claim_slot(z);
    if (status != FL_OK)
        return status;
    uint32_t mine = offer(z, value);
    if (mine == 0)
        return FL_DISCONNECTED;
    /* Wait for the take while the receiver stays in recv; it wakes from our offer, so
     * this never parks. If it left recv, withdraw: seq_cst on rx_in_recv and state
     * means either it saw our offer before leaving or we see it gone. */
    backoff b = {0};
    uint32_t s;
    while ((s = atomic_load_explicit(&z->state, memory_order_seq_cst)) == mine) {
        if (!atomic_load_explicit(&z->rx_in_recv, memory_order_seq_cst) && withdraw(z, mine))
            return FL_FULL;
        backoff_snooze(&b);
    }
    return offer_outcome(mine, s);
}

/* ---- receiving ---- */

/* Takes an offered message: FL_OK, FL_EMPTY or FL_DISCONNECTED. */
fl_status chan_zero_try_recv(struct chan_zero *z, void *out) {
    uint32_t s = atomic_load_explicit(&z->state, memory_order_acquire);
    for (;;) {
        if (phase(s) != OFFERED)
            return (s & TX_CLOSED) && phase(s) == EMPTY ? FL_DISCONNECTED : FL_EMPTY;
        if (atomic_compare_exchange_weak_explicit(&z->state, &s, s + (TAKING - OFFERED),
                                                  memory_order_acquire, memory_order_acquire))
            break;
    }
    memcpy(out, z->slot, z->elem_size);
    /* TAKING -> EMPTY with the next seq, keeping the closed bits. */
    atomic_fetch_add_explicit(&z->state, SEQ_ONE - TAKING, memory_order_seq_cst);
    wake_state(z);
    chan_waiters_notify_one(&z->senders);
    return FL_OK;
}

static fl_status recv_blocking(struct chan_zero *z, void *out, const fl_deadline *deadline) {
    backoff b = {0};
    for (;;) {
        fl_status status = chan_zero_try_recv(z, out);
        if (status != FL_EMPTY)
            return status;
        if (!backoff_completed(&b)) {
            backoff_snooze(&b);
            continue;
        }
        uint32_t s = atomic_load_explicit(&z->state, memory_order_acquire);
        if (phase(s) == OFFERED || (s & TX_CLOSED))
            continue;
        if (!park_on_state(z, s, deadline))
            return FL_TIMEOUT;
    }
}

fl_status chan_zero_recv(struct chan_zero *z, void *out, const fl_deadline *deadline) {
    fl_status status = chan_zero_try_recv(z, out);
    if (status != FL_EMPTY)
        return status;
    atomic_store_explicit(&z->rx_in_recv, 1, memory_order_seq_cst);
    status = recv_blocking(z, out, deadline);
    atomic_store_explicit(&z->rx_in_recv, 0, memory_order_seq_cst);
    if (status == FL_TIMEOUT && chan_zero_try_recv(z, out) == FL_OK)
        return FL_OK; /* a try_send offered just as we gave up: take it */
    return status;
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
