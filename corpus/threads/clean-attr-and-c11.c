/* Threads created with attributes may be detached by them (not reported); C11 threads
 * joined on every path; a thread joined in a helper that receives the handle. */
#include <pthread.h>
#include <stdio.h>
#include <threads.h>

static void *work(void *arg)
{
    puts("working");
    return arg;
}

static int work_c11(void *arg)
{
    (void)arg;
    puts("working");
    return 0;
}

void start_with_attributes(void)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t thread;
    pthread_create(&thread, &attr, work, NULL);
    pthread_attr_destroy(&attr);
}

int run_c11(void)
{
    thrd_t thread;
    if (thrd_create(&thread, work_c11, NULL) != thrd_success)
        return -1;
    int result = 0;
    thrd_join(thread, &result);
    return result;
}

static void finish(pthread_t *thread)
{
    pthread_join(*thread, NULL);
}

void start_and_finish(void)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, work, NULL) != 0)
        return;
    finish(&thread);
}
// expected-no-diagnostics

static int wait_for(pthread_t thread)
{
    return pthread_join(thread, NULL);
}

int main(void)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, work, NULL) != 0)
        return 1;
    return wait_for(thread);
}
