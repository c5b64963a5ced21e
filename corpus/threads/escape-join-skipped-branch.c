/* The thread is joined on one branch only: on the other, 'value' dies while it may run. */
#include <pthread.h>
#include <stdio.h>

static void *show(void *arg)
{
    const int *value = arg;
    printf("%d\n", *value);
    return NULL;
}

void maybe_wait(int wait)
{
    int value = 1;
    pthread_t thread;
    if (pthread_create(&thread, NULL, show, &value) != 0) // expected-error {{thread may outlive borrowed value 'value'}} expected-note {{'value' is lent to the thread spawned here by 'pthread_create'}} expected-note {{help: join the thread before 'value' goes out of scope}} expected-warning {{thread handle 'thread' is dropped without a join or detach}} expected-note {{help: join 'thread' on every path}}
        return;
    if (wait) // expected-note 2 {{the join is skipped on a path from here}}
        pthread_join(thread, NULL);
} // expected-note {{'value' goes out of scope here while the thread may still be running}} expected-note {{'thread' goes out of scope here}}
