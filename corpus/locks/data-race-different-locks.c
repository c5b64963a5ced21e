/* Both sides lock, but not the same lock: no common lock, still a race. The spawner
 * reading while its thread runs races too. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t a_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b_mu = PTHREAD_MUTEX_INITIALIZER;
static int total;
static int progress;

static void *adder(void *arg)
{
    pthread_mutex_lock(&a_mu);
    total += 1; // expected-warning {{data race on 'total'}} expected-note {{written in 'adder' holding 'a_mu'}} expected-note {{help: protect every access to 'total'}}
    pthread_mutex_unlock(&a_mu);
    progress = 1; // expected-warning {{data race on 'progress'}} expected-note {{written in 'adder' with no lock held}} expected-note {{help: protect every access to 'progress'}}
    return arg;
}

static void *doubler(void *arg)
{
    pthread_mutex_lock(&b_mu);
    total *= 2; // expected-note {{also written in 'doubler' holding 'b_mu'}}
    pthread_mutex_unlock(&b_mu);
    return arg;
}

int main(void)
{
    pthread_t t1, t2;
    pthread_create(&t1, NULL, adder, NULL);
    pthread_create(&t2, NULL, doubler, NULL);
    printf("%d\n", progress); // expected-note {{also read in 'main' while the threads it started may run}}
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%d\n", total);
    return 0;
}
