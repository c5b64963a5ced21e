/* The join is skipped on an error path: the local dies while the thread may run. */
#include <pthread.h>
#include <stdio.h>

struct totals {
    long sum;
};

static void *add_up(void *arg)
{
    struct totals *totals = arg;
    for (int i = 0; i < 100; i++)
        totals->sum += i;
    return NULL;
}

int prepare(void);

long sum_in_background(void)
{
    struct totals totals = {0};
    pthread_t thread;
    if (pthread_create(&thread, NULL, add_up, &totals) != 0) // expected-error {{thread may outlive borrowed value 'totals'}} expected-note {{'totals' is lent to the thread spawned here by 'pthread_create'}} expected-note {{help: join the thread before 'totals' goes out of scope}} expected-warning {{thread handle 'thread' is dropped without a join or detach}} expected-note {{help: join 'thread' on every path}}
        return -1;
    if (prepare() != 0)
        return -1; // expected-note {{'totals' goes out of scope here while the thread may still be running}} expected-note {{'thread' goes out of scope here}}
    pthread_join(thread, NULL);
    return totals.sum;
}
