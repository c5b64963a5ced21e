/* Acquiring a non-recursive lock twice: directly, and through a helper whose lock effect
 * is inferred from its body. */
#include <pthread.h>
#include <fearless.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

struct store {
    pthread_mutex_t mu;
    int n GUARDED_BY(mu);
};

static void lock_store(struct store *s)
{
    pthread_mutex_lock(&s->mu);
}

static void unlock_store(struct store *s)
{
    pthread_mutex_unlock(&s->mu);
}

void twice(int retry)
{
    pthread_mutex_lock(&m); // expected-note {{'m' first acquired here}}
    if (retry)
        pthread_mutex_lock(&m); // expected-error {{acquiring 'm' that is already held}} expected-note {{help: a thread waiting for a lock it holds deadlocks; release 'm' first or remove this acquisition}}
    pthread_mutex_unlock(&m);
}

void add(struct store *s)
{
    lock_store(s); // expected-note {{'s->mu' first acquired here}}
    s->n++;
    lock_store(s); // expected-error {{acquiring 's->mu' that is already held}} expected-note {{'lock_store' acquires 's->mu'}} expected-note {{help: a thread waiting}}
    unlock_store(s);
}

void add_right(struct store *s)
{
    lock_store(s);
    s->n++;
    unlock_store(s);
}
