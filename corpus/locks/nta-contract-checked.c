/* The body of a NO_THREAD_SAFETY_ANALYSIS function is not checked, but calls to it are
 * checked against its contract. */
#include <pthread.h>
#include <fearless.h>

struct acct {
    pthread_mutex_t mu;
    long balance GUARDED_BY(mu);
};

static void audit_locked(struct acct *a) REQUIRES(a->mu) NO_THREAD_SAFETY_ANALYSIS // expected-note {{'audit_locked' declared here}}
{
    a->balance += 0;
}

void audit(struct acct *a)
{
    audit_locked(a); // expected-error {{calling 'audit_locked' requires holding 'a->mu' exclusively}} expected-note {{help: lock 'a->mu' before the call}}
}
