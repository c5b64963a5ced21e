/* Unannotated helpers that lock, unlock or try to lock: their effects are inferred from
 * their bodies, so callers are checked as if the helpers were annotated. */
// expected-no-diagnostics
#include <pthread.h>
#include <fearless.h>

struct store {
    pthread_mutex_t mu;
    int items GUARDED_BY(mu);
};

static void lock_store(struct store *s)
{
    pthread_mutex_lock(&s->mu);
}

static void unlock_store(struct store *s)
{
    pthread_mutex_unlock(&s->mu);
}

static int try_lock_store(struct store *s)
{
    if (pthread_mutex_trylock(&s->mu) != 0)
        return -1;
    return 0;
}

static void print_items(struct store *s)
{
    lock_store(s);
    (void)s->items;
    unlock_store(s);
}

void add(struct store *s)
{
    lock_store(s);
    s->items++;
    unlock_store(s);
    print_items(s);
}

int try_add(struct store *s)
{
    if (try_lock_store(s) != 0)
        return 0;
    s->items++;
    unlock_store(s);
    return 1;
}
