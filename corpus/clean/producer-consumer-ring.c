// expected-no-diagnostics
/* Bounded producer/consumer ring with two condvars; per-thread args allocated in a loop,
 * freed after join; results collected from pthread_join. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define CAP 16

struct ring {
    pthread_mutex_t mu;
    pthread_cond_t not_full;
    pthread_cond_t not_empty;
    int items[CAP];
    size_t head, count;
    int done;
};

struct producer_arg {
    struct ring *ring;
    int first, n;
};

static void ring_put(struct ring *r, int v)
{
    pthread_mutex_lock(&r->mu);
    while (r->count == CAP)
        pthread_cond_wait(&r->not_full, &r->mu);
    r->items[(r->head + r->count) % CAP] = v;
    r->count++;
    pthread_cond_signal(&r->not_empty);
    pthread_mutex_unlock(&r->mu);
}

static int ring_get(struct ring *r, int *out)
{
    int ok = 0;
    pthread_mutex_lock(&r->mu);
    while (r->count == 0 && !r->done)
        pthread_cond_wait(&r->not_empty, &r->mu);
    if (r->count > 0) {
        *out = r->items[r->head];
        r->head = (r->head + 1) % CAP;
        r->count--;
        pthread_cond_signal(&r->not_full);
        ok = 1;
    }
    pthread_mutex_unlock(&r->mu);
    return ok;
}

static void *produce(void *p)
{
    struct producer_arg *arg = p;
    for (int i = 0; i < arg->n; i++)
        ring_put(arg->ring, arg->first + i);
    return NULL;
}

static void *consume(void *p)
{
    struct ring *ring = p;
    long *sum = malloc(sizeof *sum);
    if (!sum)
        return NULL;
    *sum = 0;
    int v;
    while (ring_get(ring, &v))
        *sum += v;
    return sum;
}

int main(void)
{
    struct ring ring = {.head = 0, .count = 0, .done = 0};
    pthread_mutex_init(&ring.mu, NULL);
    pthread_cond_init(&ring.not_full, NULL);
    pthread_cond_init(&ring.not_empty, NULL);

    pthread_t consumer;
    if (pthread_create(&consumer, NULL, consume, &ring) != 0)
        return 1;

    pthread_t producers[4];
    struct producer_arg *args[4];
    int started = 0;
    for (int i = 0; i < 4; i++) {
        args[i] = malloc(sizeof *args[i]);
        if (!args[i])
            break;
        args[i]->ring = &ring;
        args[i]->first = i * 100;
        args[i]->n = 100;
        if (pthread_create(&producers[i], NULL, produce, args[i]) != 0) {
            free(args[i]);
            break;
        }
        started++;
    }
    for (int i = 0; i < started; i++) {
        pthread_join(producers[i], NULL);
        free(args[i]);
    }

    pthread_mutex_lock(&ring.mu);
    ring.done = 1;
    pthread_cond_broadcast(&ring.not_empty);
    pthread_mutex_unlock(&ring.mu);

    void *ret = NULL;
    pthread_join(consumer, &ret);
    long *sum = ret;
    if (sum) {
        printf("%ld\n", *sum);
        free(sum);
    }
    pthread_cond_destroy(&ring.not_empty);
    pthread_cond_destroy(&ring.not_full);
    pthread_mutex_destroy(&ring.mu);
    return 0;
}
