/* Transfer between two accounts: both locks are the same class (struct acct's mu), so
 * taking them in either order is no lock-order warning; REQUIRES on both is satisfied. */
// expected-no-diagnostics
#include <pthread.h>
#include <fearless.h>

struct acct {
    pthread_mutex_t mu;
    long balance GUARDED_BY(mu);
};

static void move_locked(struct acct *from, struct acct *to, long n) REQUIRES(from->mu, to->mu)
{
    from->balance -= n;
    to->balance += n;
}

void transfer_simple(struct acct *from, struct acct *to, long n)
{
    pthread_mutex_lock(&from->mu);
    pthread_mutex_lock(&to->mu);
    move_locked(from, to, n);
    pthread_mutex_unlock(&to->mu);
    pthread_mutex_unlock(&from->mu);
}

void refund(struct acct *from, struct acct *to, long n)
{
    pthread_mutex_lock(&to->mu);
    pthread_mutex_lock(&from->mu);
    move_locked(to, from, n);
    pthread_mutex_unlock(&from->mu);
    pthread_mutex_unlock(&to->mu);
}
