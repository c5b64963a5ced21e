/* chan_array.c: the bounded flavor, after crossbeam's array channel (Dmitry Vyukov's
 * bounded MPMC queue). head and tail count positions as (lap, index) pairs; every slot
 * carries a stamp saying which position may use it next: stamp == tail means free for
 * that sender, stamp == head + 1 means full for that receiver. One CAS claims a slot,
 * one release store of its stamp publishes it; no allocation per message. The tail's
 * mark_bit says "disconnected". */
#include <stdlib.h>
#include <string.h>

#include "backoff.h"
#include "chan_flavors.h"
#include "elem_copy.h"
#include "fence.h"

struct array_slot {
    _Atomic size_t stamp;
    unsigned char data[]; /* elem_size bytes */
};

static struct array_slot *slot_at(const struct chan_array *a, size_t index) {
    return (struct array_slot *)(a->slots + index * a->slot_size);
}

static size_t next_power_of_two(size_t n) {
    size_t p = 1;
    while (p < n)
        p <<= 1;
    return p;
}

fl_status chan_array_init(struct chan_array *a, size_t elem_size, size_t cap) {
    if (cap > SIZE_MAX / 8 || elem_size > SIZE_MAX / 2)
        return FL_NOMEM;
    size_t slot_size = sizeof(struct array_slot) + (elem_size + 7) / 8 * 8;
    if (slot_size > SIZE_MAX / cap)
        return FL_NOMEM;
    a->slots = malloc(cap * slot_size);
    if (a->slots == NULL)
        return FL_NOMEM;
    a->cap = cap;
    a->elem_size = elem_size;
    a->slot_size = slot_size;
    a->mark_bit = next_power_of_two(cap + 1);
    a->one_lap = a->mark_bit * 2;
    for (size_t i = 0; i < cap; i++)
        atomic_init(&slot_at(a, i)->stamp, i);
    atomic_init(&a->head, 0);
    atomic_init(&a->tail, 0);
    chan_waiters_init(&a->senders);
    /* try_recv publishes a free slot with fl_fence_light: blocked senders pay instead. */
    fl_fence_init();
    a->senders.heavy_fence = true;
    chan_waiters_init(&a->receivers);
    return FL_OK;
}

/* The position after pos: next index, or index 0 of the next lap. */
static size_t advance(const struct chan_array *a, size_t pos) {
    size_t index = pos & (a->mark_bit - 1);
    size_t lap = pos & ~(a->one_lap - 1);
    return index + 1 < a->cap ? pos + 1 : lap + a->one_lap;
}

fl_status chan_array_try_send(struct chan_array *a, const void *value) {
    backoff b = {0};
    size_t tail = atomic_load_explicit(&a->tail, memory_order_relaxed);
    for (;;) {
        if (tail & a->mark_bit)
            return FL_DISCONNECTED;
        struct array_slot *slot = slot_at(a, tail & (a->mark_bit - 1));
        size_t stamp = atomic_load_explicit(&slot->stamp, memory_order_acquire);
        if (stamp == tail) { /* free for us: claim it */
            if (atomic_compare_exchange_weak_explicit(&a->tail, &tail, advance(a, tail),
                                                      memory_order_seq_cst,
                                                      memory_order_relaxed)) {
                elem_copy(slot->data, value, a->elem_size);
                atomic_store_explicit(&slot->stamp, tail + 1, memory_order_release);
                chan_waiters_notify_one(&a->receivers);
                return FL_OK;
            }
            backoff_spin(&b);
        } else if (stamp + a->one_lap == tail + 1) { /* still holds last lap's message */
            atomic_thread_fence(memory_order_seq_cst);
            size_t head = atomic_load_explicit(&a->head, memory_order_relaxed);
            if (head + a->one_lap == tail)
                return FL_FULL;
            backoff_spin(&b);
            tail = atomic_load_explicit(&a->tail, memory_order_relaxed);
        } else { /* another sender is ahead of us: reload */
            backoff_snooze(&b);
            tail = atomic_load_explicit(&a->tail, memory_order_relaxed);
        }
    }
}

struct array_op_ctx {
    struct chan_array *a;
    void *buf;
};

static fl_status send_attempt(void *ctx) {
    struct array_op_ctx *op = ctx;
    return chan_array_try_send(op->a, op->buf);
}

fl_status chan_array_send(struct chan_array *a, const void *value) {
    fl_status status = chan_array_try_send(a, value);
    if (status != FL_FULL)
        return status;
    struct array_op_ctx ctx = {a, (void *)value};
    return chan_waiters_block(&a->senders, send_attempt, &ctx, FL_FULL, NULL);
}

/* There is one receiver at a time (fl_receiver is NOT_SYNC), so head is ours: plain
 * stores advance it, where crossbeam's MPMC version needs a CAS, and the light fence
 * before the senders' wake-up check saves the locked instruction per message. */
fl_status chan_array_try_recv(struct chan_array *a, void *out) {
    backoff b = {0};
    size_t head = atomic_load_explicit(&a->head, memory_order_relaxed);
    for (;;) {
        struct array_slot *slot = slot_at(a, head & (a->mark_bit - 1));
        size_t stamp = atomic_load_explicit(&slot->stamp, memory_order_acquire);
        if (stamp == head + 1) { /* holds the message for us: take it */
            elem_copy(out, slot->data, a->elem_size);
            atomic_store_explicit(&slot->stamp, head + a->one_lap, memory_order_release);
            atomic_store_explicit(&a->head, advance(a, head), memory_order_release);
            fl_fence_light();
            chan_waiters_notify_one(&a->senders);
            return FL_OK;
        } else if (stamp == head) { /* not written yet: empty, or a sender is mid-write */
            atomic_thread_fence(memory_order_seq_cst);
            size_t tail = atomic_load_explicit(&a->tail, memory_order_relaxed);
            if ((tail & ~a->mark_bit) == head)
                return (tail & a->mark_bit) ? FL_DISCONNECTED : FL_EMPTY;
            backoff_spin(&b);
            head = atomic_load_explicit(&a->head, memory_order_relaxed);
        } else {
            backoff_snooze(&b);
            head = atomic_load_explicit(&a->head, memory_order_relaxed);
        }
    }
}

static fl_status recv_attempt(void *ctx) {
    struct array_op_ctx *op = ctx;
    return chan_array_try_recv(op->a, op->buf);
}

fl_status chan_array_recv(struct chan_array *a, void *out, const fl_deadline *deadline) {
    fl_status status = chan_array_try_recv(a, out);
    if (status != FL_EMPTY)
        return status;
    struct array_op_ctx ctx = {a, out};
    return chan_waiters_block(&a->receivers, recv_attempt, &ctx, FL_EMPTY, deadline);
}

void chan_array_disconnect(struct chan_array *a) {
    size_t tail = atomic_fetch_or_explicit(&a->tail, a->mark_bit, memory_order_seq_cst);
    if ((tail & a->mark_bit) == 0) {
        chan_waiters_notify_all(&a->senders);
        chan_waiters_notify_all(&a->receivers);
    }
}

void chan_array_destroy(struct chan_array *a) {
    free(a->slots);
}
