// expected-no-diagnostics
/* Bank accounts: a checked pthread_mutex_lock, lock helpers taking the mutex pointer, a
 * pointer alias to the lock, conditional locking, two locks in address order under a
 * read lock, realloc under the write lock, pthread_cleanup_push, a trylock loop. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

struct account {
    pthread_mutex_t lock;
    long balance;
};

struct bank {
    pthread_rwlock_t map_lock;
    struct account *accounts;
    size_t count;
};

static void acct_lock(pthread_mutex_t *m) { pthread_mutex_lock(m); }
static void acct_unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }

int deposit_checked(struct account *a, long amount)
{
    if (pthread_mutex_lock(&a->lock) != 0)
        return -1;
    a->balance += amount;
    pthread_mutex_unlock(&a->lock);
    return 0;
}

int withdraw(struct account *a, long amount)
{
    pthread_mutex_t *m = &a->lock;
    acct_lock(m);
    if (a->balance < amount) {
        acct_unlock(&a->lock);
        return -1;
    }
    a->balance -= amount;
    acct_unlock(m);
    return 0;
}

long balance_maybe_locked(struct account *a, bool threaded)
{
    if (threaded)
        pthread_mutex_lock(&a->lock);
    long b = a->balance;
    if (threaded)
        pthread_mutex_unlock(&a->lock);
    return b;
}

int transfer(struct bank *bank, size_t from, size_t to, long amount)
{
    if (from == to)
        return 0;
    pthread_rwlock_rdlock(&bank->map_lock);
    if (from >= bank->count || to >= bank->count) {
        pthread_rwlock_unlock(&bank->map_lock);
        return -1;
    }
    struct account *first = &bank->accounts[from < to ? from : to];
    struct account *second = &bank->accounts[from < to ? to : from];
    pthread_mutex_lock(&first->lock);
    pthread_mutex_lock(&second->lock);
    int rc = 0;
    if (bank->accounts[from].balance >= amount) {
        bank->accounts[from].balance -= amount;
        bank->accounts[to].balance += amount;
    } else {
        rc = -1;
    }
    pthread_mutex_unlock(&second->lock);
    pthread_mutex_unlock(&first->lock);
    pthread_rwlock_unlock(&bank->map_lock);
    return rc;
}

int grow(struct bank *bank)
{
    pthread_rwlock_wrlock(&bank->map_lock);
    struct account *more = realloc(bank->accounts, (bank->count + 1) * sizeof *more);
    if (!more) {
        pthread_rwlock_unlock(&bank->map_lock);
        return -1;
    }
    bank->accounts = more;
    pthread_mutex_init(&more[bank->count].lock, NULL);
    more[bank->count].balance = 0;
    bank->count++;
    pthread_rwlock_unlock(&bank->map_lock);
    return 0;
}

static void unlock_cleanup(void *m) { pthread_mutex_unlock(m); }

long audit(struct account *a)
{
    long b;
    pthread_mutex_lock(&a->lock);
    pthread_cleanup_push(unlock_cleanup, &a->lock);
    b = a->balance;
    pthread_cleanup_pop(1);
    return b;
}

long total(struct bank *bank)
{
    long sum = 0;
    pthread_rwlock_rdlock(&bank->map_lock);
    for (size_t i = 0; i < bank->count; i++) {
        pthread_mutex_lock(&bank->accounts[i].lock);
        sum += bank->accounts[i].balance;
        pthread_mutex_unlock(&bank->accounts[i].lock);
    }
    pthread_rwlock_unlock(&bank->map_lock);
    return sum;
}

int spin_lock_attempts(struct account *a, int attempts)
{
    for (int i = 0; i < attempts; i++) {
        if (pthread_mutex_trylock(&a->lock) == 0) {
            a->balance++;
            pthread_mutex_unlock(&a->lock);
            return 0;
        }
    }
    return -1;
}
