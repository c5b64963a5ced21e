/* Ten threads bump one unannotated global with no lock: lost updates. */
#include <pthread.h>
#include <stdio.h>

static long counter;

static void *worker(void *arg)
{
    counter++; // expected-warning {{data race on 'counter'}} expected-note {{written in 'worker' with no lock held}} expected-note {{also written in 'worker' with no lock held}} expected-note {{help: protect every access to 'counter' with the same lock, or make it _Atomic}}
    return arg;
}

int main(void)
{
    pthread_t threads[10];
    counter = 0; /* before the first spawn: fine */
    for (int i = 0; i < 10; i++)
        pthread_create(&threads[i], NULL, worker, NULL); // expected-note {{'worker' runs in several threads at once}}
    for (int i = 0; i < 10; i++)
        pthread_join(threads[i], NULL);
    printf("%ld\n", counter); /* after the last join: fine */
    return 0;
}
