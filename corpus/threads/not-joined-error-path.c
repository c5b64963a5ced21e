/* The handle is joined on the normal path only: an early return drops it. */
#include <pthread.h>
#include <stdio.h>

static void *work(void *arg)
{
    puts("working");
    return arg;
}

int check_ready(void);

int run_once(void)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, work, NULL) != 0) // expected-warning {{thread handle 'thread' is dropped without a join or detach}} expected-note {{help: join 'thread' on every path}}
        return -1;
    if (!check_ready())
        return -1; // expected-note {{'thread' goes out of scope here}}
    pthread_join(thread, NULL);
    return 0;
}
