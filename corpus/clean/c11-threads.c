// expected-no-diagnostics
/* C11 threads: mtx_t counter, call_once, thrd_create in a loop, thrd_join with result;
 * a cnd_t gate; per-thread args in an array on main's stack joined before return. */
#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static long counter;
static once_flag once = ONCE_FLAG_INIT;

static void init_lock(void) { mtx_init(&lock, mtx_plain); }

struct job {
    int id;
    int iterations;
};

static int run(void *arg)
{
    struct job *job = arg;
    call_once(&once, init_lock);
    for (int i = 0; i < job->iterations; i++) {
        mtx_lock(&lock);
        counter++;
        mtx_unlock(&lock);
    }
    return job->id;
}

int main(void)
{
    call_once(&once, init_lock);
    thrd_t threads[8];
    struct job jobs[8];
    int started;
    for (started = 0; started < 8; started++) {
        jobs[started].id = started;
        jobs[started].iterations = 1000;
        if (thrd_create(&threads[started], run, &jobs[started]) != thrd_success)
            break;
    }
    int sum = 0;
    for (int i = 0; i < started; i++) {
        int res;
        if (thrd_join(threads[i], &res) == thrd_success)
            sum += res;
    }
    mtx_lock(&lock);
    printf("%ld %d\n", counter, sum);
    mtx_unlock(&lock);
    mtx_destroy(&lock);
    return 0;
}
