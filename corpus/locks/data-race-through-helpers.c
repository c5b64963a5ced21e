/* Threads started and joined by helpers: main's write between start_workers() and
 * stop_workers() runs while the workers read, with no lock in common. */
#include <pthread.h>
#include <stdio.h>

#define WORKERS 2

static pthread_t workers[WORKERS];
static int shutting_down;
static long served;
static pthread_mutex_t served_mu = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    while (!shutting_down) { // expected-note {{also read in 'worker' with no lock held}}
        pthread_mutex_lock(&served_mu);
        served++;
        pthread_mutex_unlock(&served_mu);
    }
    return arg;
}

static void start_workers(void)
{
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&workers[i], NULL, worker, NULL);
}

static void stop_workers(void)
{
    for (int i = 0; i < WORKERS; i++)
        pthread_join(workers[i], NULL);
}

int main(void)
{
    shutting_down = 0; /* before the threads start: fine */
    start_workers();
    shutting_down = 1; // expected-warning {{data race on 'shutting_down'}} expected-note {{written in 'main' while the threads it started may run}} expected-note {{help: protect every access to 'shutting_down'}}
    stop_workers();
    printf("%ld\n", served); /* after the joins: fine */
    return 0;
}
