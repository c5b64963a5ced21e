/* C11 mtx_t and pthread spinlocks are locks too, with no annotation. */
// expected-no-diagnostics
#include <pthread.h>
#include <threads.h>
#include <fearless.h>

static mtx_t jobs_mu;
static int jobs GUARDED_BY(jobs_mu);

static pthread_spinlock_t ticks_lock;
static long ticks GUARDED_BY(ticks_lock);

void add_job(void)
{
    mtx_lock(&jobs_mu);
    jobs++;
    mtx_unlock(&jobs_mu);
}

int try_add_job(void)
{
    if (mtx_trylock(&jobs_mu) != thrd_success)
        return 0;
    jobs++;
    mtx_unlock(&jobs_mu);
    return 1;
}

void tick(void)
{
    pthread_spin_lock(&ticks_lock);
    ticks++;
    pthread_spin_unlock(&ticks_lock);
}
