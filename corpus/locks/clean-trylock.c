/* Trylock results split the paths: held on the success branch only, in every shape the
 * test is written. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdbool.h>
#include <fearless.h>
#include <fearless/mutex.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int shared GUARDED_BY(m);

static fl_mutex fm = FL_MUTEX_INIT;
static int fshared GUARDED_BY(fm);

void early_return(void)
{
    if (pthread_mutex_trylock(&m) != 0)
        return;
    shared++;
    pthread_mutex_unlock(&m);
}

void success_branch(void)
{
    if (pthread_mutex_trylock(&m) == 0) {
        shared++;
        pthread_mutex_unlock(&m);
    }
}

void negated(void)
{
    if (!pthread_mutex_trylock(&m)) {
        shared--;
        pthread_mutex_unlock(&m);
    }
}

void stored_result(void)
{
    int rc = pthread_mutex_trylock(&m);
    if (rc != 0)
        return;
    shared += 2;
    pthread_mutex_unlock(&m);
}

void runtime_bool(void)
{
    if (fl_mutex_trylock(&fm)) {
        fshared++;
        fl_mutex_unlock(&fm);
    }
}

void spin_until_taken(void)
{
    while (pthread_mutex_trylock(&m) != 0) {
    }
    shared = 0;
    pthread_mutex_unlock(&m);
}

void tested_twice(void)
{
    int rc = pthread_mutex_trylock(&m);
    if (rc == 0)
        shared++;
    if (rc == 0)
        pthread_mutex_unlock(&m);
}
