/* REQUIRES on a helper, and condition variables: the caller must hold the lock. */
#include <pthread.h>
#include <fearless.h>

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t nonempty;
    int count GUARDED_BY(mu);
};

static void push_locked(struct queue *q) REQUIRES(q->mu) // expected-note {{'push_locked' declared here}}
{
    q->count++;
}

void push(struct queue *q)
{
    push_locked(q); // expected-error {{calling 'push_locked' requires holding 'q->mu' exclusively}} expected-note {{help: lock 'q->mu' before the call}}
}

void wait_nonempty(struct queue *q)
{
    pthread_cond_wait(&q->nonempty, &q->mu); // expected-error {{calling 'pthread_cond_wait' requires holding 'q->mu' exclusively}} expected-note {{'pthread_cond_wait' expects its caller to hold 'q->mu'}} expected-note {{help: lock 'q->mu' before the call}}
}

void push_right(struct queue *q)
{
    pthread_mutex_lock(&q->mu);
    push_locked(q);
    pthread_cond_signal(&q->nonempty);
    pthread_mutex_unlock(&q->mu);
}
