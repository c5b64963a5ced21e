/* The same rules for C11 mutexes and spinlocks. */
#include <pthread.h>
#include <threads.h>
#include <fearless.h>

static mtx_t jobs_mu;
static int jobs GUARDED_BY(jobs_mu); // expected-note {{'jobs' is guarded by 'jobs_mu'}}
static pthread_spinlock_t ticks_lock;

void add_job(void)
{
    mtx_lock(&jobs_mu);
    mtx_unlock(&jobs_mu); // expected-note {{'jobs_mu' released here}}
    jobs++; // expected-error {{writing 'jobs' requires holding 'jobs_mu' exclusively}} expected-note {{help: lock 'jobs_mu' around this access}}
}

void tick_twice(void)
{
    pthread_spin_lock(&ticks_lock); // expected-note {{'ticks_lock' first acquired here}}
    pthread_spin_lock(&ticks_lock); // expected-error {{acquiring 'ticks_lock' that is already held}} expected-note {{help: a thread waiting for a lock it holds deadlocks}}
    pthread_spin_unlock(&ticks_lock);
}
