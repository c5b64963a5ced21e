/* The opposite order hides in helpers: stats_add takes stats_mu itself, and is called
 * while holding queue_mu; drain holds stats_mu and takes queue_mu. */
#include <pthread.h>

static pthread_mutex_t queue_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static int queued, total;

static void stats_add(int n)
{
    pthread_mutex_lock(&stats_mu);
    total += n;
    pthread_mutex_unlock(&stats_mu);
}

void enqueue(void)
{
    pthread_mutex_lock(&queue_mu); // expected-note {{in 'enqueue', 'queue_mu' is acquired first}}
    queued++;
    stats_add(1); // expected-note {{and 'stats_mu' acquired here while it is held}}
    pthread_mutex_unlock(&queue_mu);
}

void drain(void)
{
    pthread_mutex_lock(&stats_mu); // expected-note {{'stats_mu' acquired here first}}
    pthread_mutex_lock(&queue_mu); // expected-warning {{acquiring 'queue_mu' while holding 'stats_mu' inverts the lock order used in 'enqueue'}} expected-note {{help: two threads taking these locks}}
    total += queued;
    queued = 0;
    pthread_mutex_unlock(&queue_mu);
    pthread_mutex_unlock(&stats_mu);
}
