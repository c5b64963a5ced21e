/* NO_THREAD_SAFETY_ANALYSIS: the body is not checked (an init function that runs before
 * the object is shared); its contract still is. */
// expected-no-diagnostics
#include <pthread.h>
#include <fearless.h>

struct acct {
    pthread_mutex_t mu;
    long balance GUARDED_BY(mu);
};

void acct_init(struct acct *a) NO_THREAD_SAFETY_ANALYSIS
{
    pthread_mutex_init(&a->mu, NULL);
    a->balance = 0;
}

static void audit_locked(struct acct *a) REQUIRES(a->mu) NO_THREAD_SAFETY_ANALYSIS
{
    a->balance += 0;
}

void audit(struct acct *a)
{
    pthread_mutex_lock(&a->mu);
    audit_locked(a);
    pthread_mutex_unlock(&a->mu);
}
