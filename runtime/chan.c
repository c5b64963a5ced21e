/* chan.c: the channel front. Senders and the receiver are views of one shared channel:
 * a sender count, a flavor tag, and the flavor's state. The last sender out and the
 * receiver each disconnect their side; whichever of the two finishes second frees it. */
#include <fearless/chan.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "chan_flavors.h"

enum chan_flavor { CHAN_LIST, CHAN_ARRAY, CHAN_ZERO };

struct fl_sender {
    struct fl_chan *chan;
};

struct fl_receiver {
    struct fl_chan *chan;
};

struct fl_chan {
    union {
        struct chan_list list;
        struct chan_array array;
        struct chan_zero zero;
    } f;
    enum chan_flavor flavor;
    _Atomic size_t senders;
    _Atomic bool one_side_gone; /* set by the first side to finish; the second frees */
    struct fl_sender tx;        /* every clone is this one view: cloning just counts */
    struct fl_receiver rx;
};

static struct fl_chan *chan_alloc(enum chan_flavor flavor) {
    size_t size = (sizeof(struct fl_chan) + FL_CACHE_LINE - 1) / FL_CACHE_LINE * FL_CACHE_LINE;
    struct fl_chan *chan = aligned_alloc(FL_CACHE_LINE, size);
    if (chan == NULL)
        return NULL;
    memset(chan, 0, size);
    chan->flavor = flavor;
    atomic_init(&chan->senders, 1);
    atomic_init(&chan->one_side_gone, false);
    chan->tx.chan = chan;
    chan->rx.chan = chan;
    return chan;
}

static fl_status chan_finish(struct fl_chan *chan, fl_status init, fl_sender **tx,
                             fl_receiver **rx) {
    if (init != FL_OK) {
        free(chan);
        return init;
    }
    *tx = &chan->tx;
    *rx = &chan->rx;
    return FL_OK;
}

fl_status fl_channel(fl_sender **tx, fl_receiver **rx, size_t elem_size) {
    if (tx == NULL || rx == NULL || elem_size == 0)
        return FL_INVAL;
    struct fl_chan *chan = chan_alloc(CHAN_LIST);
    if (chan == NULL)
        return FL_NOMEM;
    return chan_finish(chan, chan_list_init(&chan->f.list, elem_size), tx, rx);
}

fl_status fl_sync_channel(fl_sender **tx, fl_receiver **rx, size_t elem_size, size_t cap) {
    if (tx == NULL || rx == NULL || elem_size == 0)
        return FL_INVAL;
    struct fl_chan *chan = chan_alloc(cap == 0 ? CHAN_ZERO : CHAN_ARRAY);
    if (chan == NULL)
        return FL_NOMEM;
    fl_status init = cap == 0 ? chan_zero_init(&chan->f.zero, elem_size)
                              : chan_array_init(&chan->f.array, elem_size, cap);
    return chan_finish(chan, init, tx, rx);
}

fl_status fl_send(fl_sender *tx, void *value) {
    if (tx == NULL || value == NULL)
        return FL_INVAL;
    struct fl_chan *chan = tx->chan;
    switch (chan->flavor) {
    case CHAN_LIST: return chan_list_send(&chan->f.list, value);
    case CHAN_ARRAY: return chan_array_send(&chan->f.array, value);
    case CHAN_ZERO: return chan_zero_send(&chan->f.zero, value);
    }
    return FL_INVAL;
}

fl_status fl_try_send(fl_sender *tx, void *value) {
    if (tx == NULL || value == NULL)
        return FL_INVAL;
    struct fl_chan *chan = tx->chan;
    switch (chan->flavor) {
    case CHAN_LIST: return chan_list_send(&chan->f.list, value);
    case CHAN_ARRAY: return chan_array_try_send(&chan->f.array, value);
    case CHAN_ZERO: return chan_zero_try_send(&chan->f.zero, value);
    }
    return FL_INVAL;
}

static fl_status recv_until(fl_receiver *rx, void *out, const fl_deadline *deadline) {
    struct fl_chan *chan = rx->chan;
    switch (chan->flavor) {
    case CHAN_LIST: return chan_list_recv(&chan->f.list, out, deadline);
    case CHAN_ARRAY: return chan_array_recv(&chan->f.array, out, deadline);
    case CHAN_ZERO: return chan_zero_recv(&chan->f.zero, out, deadline);
    }
    return FL_INVAL;
}

fl_status fl_recv(fl_receiver *rx, void *out) {
    if (rx == NULL || out == NULL)
        return FL_INVAL;
    return recv_until(rx, out, NULL);
}

fl_status fl_recv_timeout(fl_receiver *rx, void *out, unsigned timeout_ms) {
    if (rx == NULL || out == NULL)
        return FL_INVAL;
    fl_deadline deadline = fl_deadline_after_ms(timeout_ms);
    return recv_until(rx, out, &deadline);
}

fl_status fl_try_recv(fl_receiver *rx, void *out) {
    if (rx == NULL || out == NULL)
        return FL_INVAL;
    struct fl_chan *chan = rx->chan;
    switch (chan->flavor) {
    case CHAN_LIST: return chan_list_try_recv(&chan->f.list, out);
    case CHAN_ARRAY: return chan_array_try_recv(&chan->f.array, out);
    case CHAN_ZERO: return chan_zero_try_recv(&chan->f.zero, out);
    }
    return FL_INVAL;
}

fl_status fl_sender_clone(fl_sender *tx, fl_sender **out) {
    if (tx == NULL || out == NULL)
        return FL_INVAL;
    /* Relaxed: the caller's own reference keeps the count above zero meanwhile. */
    atomic_fetch_add_explicit(&tx->chan->senders, 1, memory_order_relaxed);
    *out = tx;
    return FL_OK;
}

static void chan_destroy(struct fl_chan *chan) {
    switch (chan->flavor) {
    case CHAN_LIST: chan_list_destroy(&chan->f.list); break;
    case CHAN_ARRAY: chan_array_destroy(&chan->f.array); break;
    case CHAN_ZERO: chan_zero_destroy(&chan->f.zero); break;
    }
    free(chan);
}

/* The first side to finish only marks; the second frees (acq_rel orders both sides'
 * last accesses before the free). */
static void side_gone(struct fl_chan *chan) {
    if (atomic_exchange_explicit(&chan->one_side_gone, true, memory_order_acq_rel))
        chan_destroy(chan);
}

void fl_sender_drop(fl_sender *tx) {
    if (tx == NULL)
        return;
    struct fl_chan *chan = tx->chan;
    if (atomic_fetch_sub_explicit(&chan->senders, 1, memory_order_acq_rel) != 1)
        return;
    switch (chan->flavor) {
    case CHAN_LIST: chan_list_disconnect_senders(&chan->f.list); break;
    case CHAN_ARRAY: chan_array_disconnect(&chan->f.array); break;
    case CHAN_ZERO: chan_zero_disconnect_senders(&chan->f.zero); break;
    }
    side_gone(chan);
}

void fl_receiver_drop(fl_receiver *rx) {
    if (rx == NULL)
        return;
    struct fl_chan *chan = rx->chan;
    switch (chan->flavor) {
    case CHAN_LIST: chan_list_disconnect_receiver(&chan->f.list); break;
    case CHAN_ARRAY: chan_array_disconnect(&chan->f.array); break;
    case CHAN_ZERO: chan_zero_disconnect_receiver(&chan->f.zero); break;
    }
    side_gone(chan);
}
