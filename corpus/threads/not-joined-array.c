/* A local array of handles filled in a loop and never joined. */
#include <pthread.h>
#include <stdio.h>

static void *work(void *arg)
{
    puts("working");
    return arg;
}

void start_all(void)
{
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, work, NULL); // expected-warning {{thread handles in 'threads' are dropped without a join or detach}} expected-note {{help: join 'threads' on every path}}
} // expected-note {{'threads' goes out of scope here}}
