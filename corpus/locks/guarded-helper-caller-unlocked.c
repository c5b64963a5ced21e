/* Wrong twin of clean/guarded-queue-helpers.c: queue_full() reads 'count' (GUARDED_BY mu)
 * and is inferred REQUIRES_SHARED(q->mu); this caller does not hold the lock. */
#include <fearless.h>
#include <pthread.h>
#include <stdbool.h>

struct queue {
    pthread_mutex_t mu;
    int count GUARDED_BY(mu);
};

static bool queue_full(struct queue *q) { return q->count == 64; } // expected-note {{'queue_full' expects its caller to hold 'q->mu'}}

bool try_push(struct queue *q)
{
    if (queue_full(q)) // expected-error {{calling 'queue_full' requires holding 'q->mu'}} expected-note {{help: lock 'q->mu' before the call}}
        return false;
    pthread_mutex_lock(&q->mu);
    q->count++;
    pthread_mutex_unlock(&q->mu);
    return true;
}
