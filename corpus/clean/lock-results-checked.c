// expected-no-diagnostics
/* Lock results tested: timedlock, tryrdlock, a checked rdlock through a variable, spin. */
#include <pthread.h>
#include <time.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_spinlock_t spin;
static int value;

int set_timed(int v)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 1;
    if (pthread_mutex_timedlock(&m, &ts) != 0)
        return -1;
    value = v;
    pthread_mutex_unlock(&m);
    return 0;
}

int get_try(int *out)
{
    if (pthread_rwlock_tryrdlock(&rw) != 0)
        return -1;
    *out = value;
    pthread_rwlock_unlock(&rw);
    return 0;
}

int get_checked(int *out)
{
    int err = pthread_rwlock_rdlock(&rw);
    if (err)
        return err;
    *out = value;
    pthread_rwlock_unlock(&rw);
    return 0;
}

void spin_inc(void)
{
    pthread_spin_lock(&spin);
    value++;
    pthread_spin_unlock(&spin);
}
