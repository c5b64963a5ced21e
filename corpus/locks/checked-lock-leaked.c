/* Wrong twin of clean/bank-locks.c deposit_checked(): the checked pthread_mutex_lock
 * succeeded, then an early return leaks the lock. */
#include <pthread.h>

static pthread_mutex_t bank_lock = PTHREAD_MUTEX_INITIALIZER;
static long balance;

void leak_on_overdraft(long amount)
{
    if (pthread_mutex_lock(&bank_lock) != 0) // expected-warning {{'bank_lock' is still held when 'leak_on_overdraft' returns}} expected-note {{help: release 'bank_lock' on every path before returning}}
        return;
    if (balance < amount)
        return; // expected-note {{'leak_on_overdraft' returns here with 'bank_lock' held}}
    balance -= amount;
    pthread_mutex_unlock(&bank_lock);
}
