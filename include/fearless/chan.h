/* chan.h: channels (std::sync::mpsc / crossbeam-channel). Messages are fixed-size byte
 * blobs of elem_size bytes, copied in and out. The sender is Send and Sync (clone it to
 * share); the receiver is Send but not Sync: one thread at a time receives. */
#ifndef FEARLESS_CHAN_H
#define FEARLESS_CHAN_H

#include <fearless.h>
#include <fearless/status.h>
#include <stddef.h>

typedef struct fl_sender fl_sender;
typedef struct NOT_SYNC fl_receiver fl_receiver;

/* Unbounded channel (lock-free list of blocks). */
fl_status fl_channel(fl_sender **tx, fl_receiver **rx, size_t elem_size);
/* Bounded channel of cap messages (ring of slots); cap 0 = rendezvous (direct hand-off). */
fl_status fl_sync_channel(fl_sender **tx, fl_receiver **rx, size_t elem_size, size_t cap);

/* Copies elem_size bytes from value; blocks while the channel is full. On FL_OK the value
 * was moved into the channel; on any other status it stays with the caller. */
fl_status fl_send(fl_sender *tx, void *value THREAD_ARG MOVED_IF(FL_OK));
/* Like fl_send, but FL_FULL instead of blocking. */
fl_status fl_try_send(fl_sender *tx, void *value THREAD_ARG MOVED_IF(FL_OK));
/* Blocks for a message; FL_DISCONNECTED once every sender is dropped and it is drained. */
fl_status fl_recv(fl_receiver *rx, void *out);
/* FL_EMPTY when nothing is there now; FL_DISCONNECTED when drained and senders gone. */
fl_status fl_try_recv(fl_receiver *rx, void *out);
/* Like fl_recv but gives up with FL_TIMEOUT after timeout_ms. */
fl_status fl_recv_timeout(fl_receiver *rx, void *out, unsigned timeout_ms);

fl_status fl_sender_clone(fl_sender *tx, fl_sender **out);
void fl_sender_drop(fl_sender *tx MOVED);
void fl_receiver_drop(fl_receiver *rx MOVED);

#endif
