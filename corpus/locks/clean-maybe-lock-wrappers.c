/* zstd's shape: helpers that lock and unlock only when threading is on. Callers then hold
 * the lock on some paths only; waiting on the condition variable under that helper is not
 * reported (it is, with --strict). */
// expected-no-diagnostics
#include <pthread.h>

struct pool {
    int threaded;
    pthread_mutex_t mu;
    pthread_cond_t done;
    int pending;
};

static void pool_lock(struct pool *p)
{
    if (p->threaded)
        pthread_mutex_lock(&p->mu);
}

static void pool_unlock(struct pool *p)
{
    if (p->threaded)
        pthread_mutex_unlock(&p->mu);
}

void pool_wait(struct pool *p)
{
    pool_lock(p);
    while (p->pending > 0)
        pthread_cond_wait(&p->done, &p->mu);
    pool_unlock(p);
}
