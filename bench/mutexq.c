/* mutexq.c: see mutexq.h. Deliberately the textbook design -- the baseline that
 * fearless's lock-free channels must beat by a wide margin. */
#include "mutexq.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct node {
    struct node *next;
    uint64_t value;
} node;

struct mutexq {
    pthread_mutex_t lock;
    pthread_cond_t not_empty;
    pthread_cond_t not_full;
    pthread_cond_t taken; /* rendezvous: a receiver took a message */
    node *head, *tail;
    long len;
    long capacity;
    uint64_t sent, received; /* rendezvous tickets: messages queued / taken so far */
    atomic_long holders;
};

mutexq *mutexq_new(long capacity) {
    mutexq *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    pthread_cond_init(&q->not_full, NULL);
    pthread_cond_init(&q->taken, NULL);
    q->capacity = capacity;
    atomic_init(&q->holders, 1);
    return q;
}

mutexq *mutexq_retain(mutexq *q) {
    atomic_fetch_add(&q->holders, 1);
    return q;
}

void mutexq_release(mutexq *q) {
    if (atomic_fetch_sub(&q->holders, 1) != 1)
        return;
    for (node *n = q->head, *next; n; n = next) {
        next = n->next;
        free(n);
    }
    pthread_cond_destroy(&q->taken);
    pthread_cond_destroy(&q->not_full);
    pthread_cond_destroy(&q->not_empty);
    pthread_mutex_destroy(&q->lock);
    free(q);
}

bool mutexq_send(mutexq *q, uint64_t value) {
    node *n = malloc(sizeof *n);
    if (!n)
        return false;
    *n = (node){NULL, value};
    /* A rendezvous queues at most one message, whose sender waits until it is taken. */
    long limit = q->capacity == 0 ? 1 : q->capacity;
    pthread_mutex_lock(&q->lock);
    while (q->capacity >= 0 && q->len >= limit)
        pthread_cond_wait(&q->not_full, &q->lock);
    if (q->tail)
        q->tail->next = n;
    else
        q->head = n;
    q->tail = n;
    q->len++;
    uint64_t ticket = ++q->sent;
    pthread_cond_signal(&q->not_empty);
    while (q->capacity == 0 && q->received < ticket)
        pthread_cond_wait(&q->taken, &q->lock);
    pthread_mutex_unlock(&q->lock);
    return true;
}

uint64_t mutexq_recv(mutexq *q) {
    pthread_mutex_lock(&q->lock);
    while (q->len == 0)
        pthread_cond_wait(&q->not_empty, &q->lock);
    node *n = q->head;
    q->head = n->next;
    if (!q->head)
        q->tail = NULL;
    q->len--;
    q->received++;
    if (q->capacity >= 0)
        pthread_cond_signal(&q->not_full);
    if (q->capacity == 0)
        pthread_cond_broadcast(&q->taken); /* several senders may wait for their ticket */
    pthread_mutex_unlock(&q->lock);
    uint64_t value = n->value;
    free(n);
    return value;
}
