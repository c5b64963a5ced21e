/* mutexq.h: the naive baseline channel -- a linked list under one pthread mutex with
 * condition variables, one malloc per message. Capacity -1: unbounded; n > 0: senders
 * wait while n messages are queued; 0: rendezvous (a sender waits until its message is
 * taken). Any number of senders and receivers. Reference counted: every holder (the
 * creator, each clone) calls mutexq_release once. */
#ifndef FL_BENCH_MUTEXQ_H
#define FL_BENCH_MUTEXQ_H

#include <stdbool.h>
#include <stdint.h>

typedef struct mutexq mutexq;

mutexq *mutexq_new(long capacity); /* NULL on allocation failure */
mutexq *mutexq_retain(mutexq *q);  /* one more holder; returns q */
void mutexq_release(mutexq *q);    /* frees q (and anything queued) with the last holder */
bool mutexq_send(mutexq *q, uint64_t value); /* false on allocation failure */
uint64_t mutexq_recv(mutexq *q);             /* blocks until a message arrives */

#endif
