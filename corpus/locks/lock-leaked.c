/* An error path returns with the lock held: every later caller blocks forever. */
#include <pthread.h>
#include <fearless.h>

struct acct {
    pthread_mutex_t mu;
    long balance GUARDED_BY(mu);
};

int withdraw(struct acct *a, long n)
{
    pthread_mutex_lock(&a->mu); // expected-warning {{'a->mu' is still held when 'withdraw' returns}} expected-note {{help: release 'a->mu' on every path before returning}}
    if (a->balance < n)
        return -1; // expected-note {{'withdraw' returns here with 'a->mu' held}}
    if (n == 0)
        return 0; // expected-note {{'withdraw' returns here with 'a->mu' held}}
    a->balance -= n;
    pthread_mutex_unlock(&a->mu);
    return 0;
}

int withdraw_right(struct acct *a, long n)
{
    pthread_mutex_lock(&a->mu);
    if (a->balance < n) {
        pthread_mutex_unlock(&a->mu);
        return -1;
    }
    a->balance -= n;
    pthread_mutex_unlock(&a->mu);
    return 0;
}
