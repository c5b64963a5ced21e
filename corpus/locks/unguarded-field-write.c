/* GUARDED_BY(mu) on a field means the mu of the same object: a->balance needs a->mu. */
#include <pthread.h>
#include <fearless.h>

struct acct {
    pthread_mutex_t mu;
    long balance GUARDED_BY(mu); // expected-note 2 {{'balance' is guarded by 'mu'}}
};

void deposit(struct acct *a, long n)
{
    a->balance += n; // expected-error {{writing 'a->balance' requires holding 'a->mu' exclusively}} expected-note {{help: lock 'a->mu' around this access}}
}

long peek(struct acct *a)
{
    return a->balance; // expected-error {{reading 'a->balance' requires holding 'a->mu'}} expected-note {{help: lock 'a->mu' around this access}}
}

void deposit_locked_right(struct acct *a, long n)
{
    pthread_mutex_lock(&a->mu);
    a->balance += n;
    pthread_mutex_unlock(&a->mu);
}
