/* Two functions of one file take the same two locks in opposite orders. */
#include <pthread.h>

static pthread_mutex_t accounts_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t audit_mu = PTHREAD_MUTEX_INITIALIZER;
static int accounts, audits;

void *pay(void *arg)
{
    pthread_mutex_lock(&accounts_mu); // expected-note {{in 'pay', 'accounts_mu' is acquired first}}
    pthread_mutex_lock(&audit_mu); // expected-note {{and 'audit_mu' acquired here while it is held}}
    accounts++;
    audits++;
    pthread_mutex_unlock(&audit_mu);
    pthread_mutex_unlock(&accounts_mu);
    return arg;
}

void *audit(void *arg)
{
    pthread_mutex_lock(&audit_mu); // expected-note {{'audit_mu' acquired here first}}
    pthread_mutex_lock(&accounts_mu); // expected-warning {{acquiring 'accounts_mu' while holding 'audit_mu' inverts the lock order used in 'pay'}} expected-note {{help: two threads taking these locks in opposite orders can deadlock}}
    audits += accounts;
    pthread_mutex_unlock(&accounts_mu);
    pthread_mutex_unlock(&audit_mu);
    return arg;
}
