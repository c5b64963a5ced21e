/* chan_list.c: the unbounded flavor, after crossbeam's list channel. Messages go into
 * blocks of LIST_BLOCK_CAP slots linked into a queue. An index counts slots in steps of
 * 1 << SHIFT with one unused "lap" position per block (offset LIST_BLOCK_CAP) meaning
 * "the next block is being installed". The tail's MARK bit says "disconnected"; the
 * head's MARK bit says "head is not in the last block" (no need to look at the tail).
 * Senders claim a slot with one CAS on the tail, write it, then set its WRITE flag.
 * There is one receiver (fl_receiver is not Sync), so the head is the receiver's own:
 * it advances with plain stores, reads slots in order, and frees each block after
 * reading its last slot. A receive thus costs no locked instruction. */
#include <stdlib.h>
#include <string.h>

#include "backoff.h"
#include "chan_flavors.h"
#include "elem_copy.h"

#define SHIFT 1
#define MARK ((size_t)1)
#define LAP 32
#define LIST_BLOCK_CAP (LAP - 1)
#define ONE ((size_t)1 << SHIFT)

enum { SLOT_WRITE = 1 };

struct list_slot {
    _Atomic uint32_t state;
    uint32_t unused;
    unsigned char data[]; /* elem_size bytes */
};

struct list_block {
    _Atomic(struct list_block *) next;
    unsigned char slots[]; /* LIST_BLOCK_CAP slots of slot_size bytes */
};

static struct list_slot *slot_at(const struct chan_list *c, struct list_block *b, size_t i) {
    return (struct list_slot *)(b->slots + i * c->slot_size);
}

static struct list_block *block_new(const struct chan_list *c) {
    return calloc(1, sizeof(struct list_block) + LIST_BLOCK_CAP * c->slot_size);
}

static struct list_block *block_wait_next(struct list_block *b) {
    backoff wait = {0};
    struct list_block *next;
    while ((next = atomic_load_explicit(&b->next, memory_order_acquire)) == NULL)
        backoff_snooze(&wait);
    return next;
}

static void slot_wait_write(struct list_slot *slot) {
    backoff wait = {0};
    while ((atomic_load_explicit(&slot->state, memory_order_acquire) & SLOT_WRITE) == 0)
        backoff_snooze(&wait);
}

fl_status chan_list_init(struct chan_list *c, size_t elem_size) {
    if (elem_size > (SIZE_MAX / 2 - sizeof(struct list_block)) / LIST_BLOCK_CAP)
        return FL_NOMEM;
    c->elem_size = elem_size;
    c->slot_size = sizeof(struct list_slot) + (elem_size + 7) / 8 * 8;
    struct list_block *first = block_new(c);
    if (first == NULL)
        return FL_NOMEM;
    atomic_init(&c->head.index, 0);
    atomic_init(&c->head.block, first);
    atomic_init(&c->tail.index, 0);
    atomic_init(&c->tail.block, first);
    chan_waiters_init(&c->receivers);
    return FL_OK;
}

/* Claims the next tail slot: FL_OK with the block and offset, FL_DISCONNECTED or FL_NOMEM. */
static fl_status start_send(struct chan_list *c, struct list_block **block_out, size_t *offset_out) {
    backoff b = {0};
    size_t tail = atomic_load_explicit(&c->tail.index, memory_order_acquire);
    struct list_block *block = atomic_load_explicit(&c->tail.block, memory_order_acquire);
    struct list_block *next_block = NULL;
    for (;;) {
        if (tail & MARK) {
            free(next_block);
            return FL_DISCONNECTED;
        }
        size_t offset = (tail >> SHIFT) % LAP;
        if (offset == LIST_BLOCK_CAP || block == NULL) { /* another sender installs a block */
            backoff_snooze(&b);
            tail = atomic_load_explicit(&c->tail.index, memory_order_acquire);
            block = atomic_load_explicit(&c->tail.block, memory_order_acquire);
            continue;
        }
        /* Allocate before claiming the last slot so installing the next block is quick. */
        if (offset + 1 == LIST_BLOCK_CAP && next_block == NULL) {
            next_block = block_new(c);
            if (next_block == NULL)
                return FL_NOMEM;
        }
        size_t new_tail = tail + ONE;
        if (atomic_compare_exchange_weak_explicit(&c->tail.index, &tail, new_tail,
                                                  memory_order_seq_cst, memory_order_acquire)) {
            if (offset + 1 == LIST_BLOCK_CAP) {
                atomic_store_explicit(&c->tail.block, next_block, memory_order_release);
                /* An add, not a store: the receiver may set MARK meanwhile; keep it. */
                atomic_fetch_add_explicit(&c->tail.index, ONE, memory_order_release);
                atomic_store_explicit(&block->next, next_block, memory_order_release);
            } else {
                free(next_block);
            }
            *block_out = block;
            *offset_out = offset;
            return FL_OK;
        }
        block = atomic_load_explicit(&c->tail.block, memory_order_acquire);
        backoff_spin(&b);
    }
}

fl_status chan_list_send(struct chan_list *c, const void *value) {
    struct list_block *block;
    size_t offset;
    fl_status status = start_send(c, &block, &offset);
    if (status != FL_OK)
        return status;
    struct list_slot *slot = slot_at(c, block, offset);
    elem_copy(slot->data, value, c->elem_size);
    atomic_store_explicit(&slot->state, SLOT_WRITE, memory_order_release);
    chan_waiters_notify_one(&c->receivers); /* ordered after our seq_cst tail CAS */
    return FL_OK;
}

/* Is there a message at head? FL_OK, FL_EMPTY or FL_DISCONNECTED; *new_head gets the
 * next head index (with MARK when head is not in the tail's block). */
static fl_status peek_head(struct chan_list *c, size_t head, size_t *new_head) {
    *new_head = head + ONE;
    if (head & MARK)
        return FL_OK; /* a later block exists, so this one is full of messages */
    size_t tail = atomic_load_explicit(&c->tail.index, memory_order_acquire);
    if (head >> SHIFT == tail >> SHIFT) {
        /* Looks empty. Before saying so, order this check after our announcement as a
         * sleeper (chan_waiters) against the senders' seq_cst tail CAS, and look again. */
        atomic_thread_fence(memory_order_seq_cst);
        tail = atomic_load_explicit(&c->tail.index, memory_order_relaxed);
        if (head >> SHIFT == tail >> SHIFT)
            return (tail & MARK) ? FL_DISCONNECTED : FL_EMPTY;
    }
    if ((head >> SHIFT) / LAP != (tail >> SHIFT) / LAP)
        *new_head |= MARK;
    return FL_OK;
}

fl_status chan_list_try_recv(struct chan_list *c, void *out) {
    size_t head = atomic_load_explicit(&c->head.index, memory_order_relaxed);
    struct list_block *block = atomic_load_explicit(&c->head.block, memory_order_relaxed);
    size_t new_head;
    fl_status status = peek_head(c, head, &new_head);
    if (status != FL_OK)
        return status;
    size_t offset = (head >> SHIFT) % LAP;
    struct list_slot *slot = slot_at(c, block, offset);
    slot_wait_write(slot); /* the sender claimed it; it may still be copying */
    elem_copy(out, slot->data, c->elem_size);
    if (offset + 1 == LIST_BLOCK_CAP) { /* read the block's last slot: move on, free it */
        struct list_block *next = block_wait_next(block);
        new_head = (new_head & ~MARK) + ONE;
        if (atomic_load_explicit(&next->next, memory_order_relaxed) != NULL)
            new_head |= MARK;
        atomic_store_explicit(&c->head.block, next, memory_order_relaxed);
        free(block);
    }
    atomic_store_explicit(&c->head.index, new_head, memory_order_relaxed);
    return FL_OK;
}

struct list_recv_ctx {
    struct chan_list *c;
    void *out;
};

static fl_status recv_attempt(void *ctx) {
    struct list_recv_ctx *r = ctx;
    return chan_list_try_recv(r->c, r->out);
}

fl_status chan_list_recv(struct chan_list *c, void *out, const fl_deadline *deadline) {
    fl_status status = chan_list_try_recv(c, out);
    if (status != FL_EMPTY)
        return status;
    struct list_recv_ctx ctx = {c, out};
    return chan_waiters_block(&c->receivers, recv_attempt, &ctx, FL_EMPTY, deadline);
}

void chan_list_disconnect_senders(struct chan_list *c) {
    size_t tail = atomic_fetch_or_explicit(&c->tail.index, MARK, memory_order_seq_cst);
    if ((tail & MARK) == 0)
        chan_waiters_notify_all(&c->receivers);
}

/* Frees every block: waits for senders that claimed a slot before the disconnection to
 * finish writing it (nobody can claim one after). Runs on the receiver's thread. */
static void discard_all(struct chan_list *c) {
    backoff b = {0};
    size_t tail = atomic_load_explicit(&c->tail.index, memory_order_acquire);
    while ((tail >> SHIFT) % LAP == LIST_BLOCK_CAP) {
        backoff_snooze(&b);
        tail = atomic_load_explicit(&c->tail.index, memory_order_acquire);
    }
    size_t head = atomic_load_explicit(&c->head.index, memory_order_acquire);
    struct list_block *block = atomic_exchange_explicit(&c->head.block, NULL, memory_order_acq_rel);
    while (head >> SHIFT != tail >> SHIFT) {
        size_t offset = (head >> SHIFT) % LAP;
        if (offset < LIST_BLOCK_CAP) {
            slot_wait_write(slot_at(c, block, offset));
        } else {
            struct list_block *next = block_wait_next(block);
            free(block);
            block = next;
        }
        head += ONE;
    }
    free(block);
    atomic_store_explicit(&c->head.index, head & ~MARK, memory_order_release);
}

void chan_list_disconnect_receiver(struct chan_list *c) {
    atomic_fetch_or_explicit(&c->tail.index, MARK, memory_order_seq_cst);
    discard_all(c);
}

void chan_list_destroy(struct chan_list *c) {
    /* The receiver's disconnection already freed the blocks (head.block is NULL then). */
    free(atomic_load_explicit(&c->head.block, memory_order_relaxed));
}
