/* A join handle dropped without join or detach: the thread's result and resources leak. */
#include <pthread.h>
#include <stdio.h>

static void *work(void *arg)
{
    puts("working");
    return arg;
}

void fire_and_forget(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, work, NULL); // expected-warning {{thread handle 'thread' is dropped without a join or detach}} expected-note {{help: join 'thread' on every path}}
} // expected-note {{'thread' goes out of scope here}}
