/* chan_flavors.h (internal): the three channel flavors behind chan.c's front.
 *   list  (chan_list.c):  unbounded; lock-free linked blocks of LIST_BLOCK_CAP slots.
 *   array (chan_array.c): bounded; a ring of sequence-stamped slots (Vyukov).
 *   zero  (chan_zero.c):  rendezvous; one hand-off slot and a state word.
 * Each has try_send / send / try_recv / recv, and disconnect calls for each side. The
 * structs live here so chan.c can embed them; only their own file touches the fields. */
#ifndef FEARLESS_CHAN_FLAVORS_H
#define FEARLESS_CHAN_FLAVORS_H

#include <fearless/status.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "chan_waiters.h"
#include "park.h"

/* ---- list ---- */
struct list_block;

struct list_position {
    alignas(FL_CACHE_LINE) _Atomic size_t index;
    _Atomic(struct list_block *) block;
};

struct chan_list {
    struct list_position head; /* receiving end */
    struct list_position tail; /* sending end; its low bit marks disconnection */
    size_t elem_size;
    size_t slot_size;
    struct chan_waiters receivers;
};

fl_status chan_list_init(struct chan_list *c, size_t elem_size);
fl_status chan_list_send(struct chan_list *c, const void *value); /* never blocks */
fl_status chan_list_try_recv(struct chan_list *c, void *out);
fl_status chan_list_recv(struct chan_list *c, void *out, const fl_deadline *deadline);
void chan_list_disconnect_senders(struct chan_list *c);
void chan_list_disconnect_receiver(struct chan_list *c); /* also frees what is queued */
void chan_list_destroy(struct chan_list *c);

/* ---- array ---- */
struct chan_array {
    alignas(FL_CACHE_LINE) _Atomic size_t head;
    alignas(FL_CACHE_LINE) _Atomic size_t tail; /* mark_bit set: disconnected */
    alignas(FL_CACHE_LINE) unsigned char *slots;
    size_t cap, one_lap, mark_bit, elem_size, slot_size;
    struct chan_waiters senders;
    struct chan_waiters receivers;
};

fl_status chan_array_init(struct chan_array *a, size_t elem_size, size_t cap);
fl_status chan_array_try_send(struct chan_array *a, const void *value);
fl_status chan_array_send(struct chan_array *a, const void *value);
fl_status chan_array_try_recv(struct chan_array *a, void *out);
fl_status chan_array_recv(struct chan_array *a, void *out, const fl_deadline *deadline);
void chan_array_disconnect(struct chan_array *a); /* same for either side */
void chan_array_destroy(struct chan_array *a);

/* ---- zero ---- */
struct chan_zero {
    alignas(FL_CACHE_LINE) _Atomic uint32_t state; /* seq, closed flags, slot phase */
    _Atomic uint32_t state_sleepers; /* receiver / offering sender parked on state */
    void *rx_out;        /* the waiting receiver's buffer: senders copy straight into it */
    unsigned char *slot; /* an offered message waiting for the receiver */
    size_t elem_size;
    struct chan_waiters senders; /* senders waiting for the slot to be free */
};

fl_status chan_zero_init(struct chan_zero *z, size_t elem_size);
fl_status chan_zero_try_send(struct chan_zero *z, const void *value);
fl_status chan_zero_send(struct chan_zero *z, const void *value);
fl_status chan_zero_try_recv(struct chan_zero *z, void *out);
fl_status chan_zero_recv(struct chan_zero *z, void *out, const fl_deadline *deadline);
void chan_zero_disconnect_senders(struct chan_zero *z);
void chan_zero_disconnect_receiver(struct chan_zero *z);
void chan_zero_destroy(struct chan_zero *z);

#endif
