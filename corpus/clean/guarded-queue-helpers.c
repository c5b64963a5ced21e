// expected-no-diagnostics
/* Unannotated static helpers read GUARDED_BY fields and wait on the condvar with the
 * caller's lock: inferred REQUIRES, and every caller holds the lock. */
#include <fearless.h>
#include <pthread.h>
#include <stdbool.h>

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int items[64] GUARDED_BY(mu);
    int count GUARDED_BY(mu);
    bool closed GUARDED_BY(mu);
};

static void lock_queue(struct queue *q) { pthread_mutex_lock(&q->mu); }
static void unlock_queue(struct queue *q) { pthread_mutex_unlock(&q->mu); }

static bool queue_full(struct queue *q) { return q->count == 64; }

static void wait_not_empty(struct queue *q)
{
    while (q->count == 0 && !q->closed)
        pthread_cond_wait(&q->cv, &q->mu);
}

bool push(struct queue *q, int v)
{
    lock_queue(q);
    bool ok = !queue_full(q) && !q->closed;
    if (ok) {
        q->items[q->count++] = v;
        pthread_cond_signal(&q->cv);
    }
    unlock_queue(q);
    return ok;
}

bool pop(struct queue *q, int *out)
{
    lock_queue(q);
    wait_not_empty(q);
    bool ok = q->count > 0;
    if (ok)
        *out = q->items[--q->count];
    unlock_queue(q);
    return ok;
}

void close_queue(struct queue *q)
{
    lock_queue(q);
    q->closed = true;
    pthread_cond_broadcast(&q->cv);
    unlock_queue(q);
}
