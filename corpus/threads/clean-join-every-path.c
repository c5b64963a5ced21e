/* Lending locals to threads joined on every path, error paths included. */
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
    if (pthread_create(&thread, NULL, add_up, &totals) != 0)
        return -1;
    if (prepare() != 0) {
        pthread_join(thread, NULL);
        return -1;
    }
    pthread_join(thread, NULL);
    return totals.sum;
}

long sum_twice(void)
{
    struct totals first = {0}, second = {0};
    pthread_t a, b;
    int rc = pthread_create(&a, NULL, add_up, &first);
    if (rc != 0)
        return -1;
    rc = pthread_create(&b, NULL, add_up, &second);
    if (rc != 0) {
        pthread_join(a, NULL);
        return -1;
    }
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return first.sum + second.sum;
}
// expected-no-diagnostics
