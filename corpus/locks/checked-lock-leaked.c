/* Wrong twins of clean/bank-locks.c deposit_checked(): a pthread_mutex_lock that failed
 * did not lock, so unlocking on that path is wrong; one that succeeded is leaked by an
 * early return. */
#include <pthread.h>

static pthread_mutex_t bank_lock = PTHREAD_MUTEX_INITIALIZER;
static long balance;

int unlock_after_failed_lock(long amount)
{
    if (pthread_mutex_lock(&bank_lock) != 0) {
        pthread_mutex_unlock(&bank_lock); // expected-error {{releasing 'bank_lock' that is not held}} expected-note {{no path to this release holds 'bank_lock'}} expected-note {{help: acquire the lock before releasing it, or remove this release}}
        return -1;
    }
    balance += amount;
    pthread_mutex_unlock(&bank_lock);
    return 0;
}

void leak_on_overdraft(long amount)
{
    if (pthread_mutex_lock(&bank_lock) != 0) // expected-warning {{'bank_lock' is still held when 'leak_on_overdraft' returns}} expected-note {{help: release 'bank_lock' on every path before returning}}
        return;
    if (balance < amount)
        return; // expected-note {{'leak_on_overdraft' returns here with 'bank_lock' held}}
    balance -= amount;
    pthread_mutex_unlock(&bank_lock);
}
