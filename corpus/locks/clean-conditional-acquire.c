/* Functions that return with the lock held exactly when they succeed, and tell the
 * caller by their result (memcached's item_trylock and assoc_get_iterator do this). */
// expected-no-diagnostics
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t *slot_locks;

struct iterator {
    int position;
};

struct iterator *iterate_begin(void)
{
    struct iterator *it = calloc(1, sizeof *it);
    if (it == NULL)
        return NULL;
    pthread_mutex_lock(&table_lock);   /* released by iterate_end */
    return it;
}

void iterate_end(struct iterator *it)
{
    pthread_mutex_unlock(&table_lock);
    free(it);
}

void *slot_trylock(unsigned hv)
{
    pthread_mutex_t *lock = &slot_locks[hv & 15];
    if (pthread_mutex_trylock(lock) == 0)
        return lock;
    return NULL;
}

void slot_lock(unsigned hv)
{
    pthread_mutex_lock(&slot_locks[hv & 15]);
}

void slot_unlock(unsigned hv)
{
    pthread_mutex_unlock(&slot_locks[hv & 15]);
}

void move_between_slots(unsigned from, unsigned to)
{
    slot_lock(from);
    slot_lock(to);   /* another element of the lock table, not the same lock */
    slot_unlock(to);
    slot_unlock(from);
}
