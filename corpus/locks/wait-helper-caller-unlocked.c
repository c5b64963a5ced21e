/* Wrong twin of clean/wait-helper-caller-holds.c: the helper's inferred REQUIRES(init_lock)
 * is checked at its caller, which forgot to lock. */
#include <pthread.h>

static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t init_cond = PTHREAD_COND_INITIALIZER;
static int init_count;

static void wait_for_thread_registration(int nthreads) // expected-note {{'wait_for_thread_registration' expects its caller to hold 'init_lock'}}
{
    while (init_count < nthreads)
        pthread_cond_wait(&init_cond, &init_lock);
}

void wait_all(int n)
{
    wait_for_thread_registration(n); // expected-error {{calling 'wait_for_thread_registration' requires holding 'init_lock' exclusively}} expected-note {{help: lock 'init_lock' before the call}}
}
