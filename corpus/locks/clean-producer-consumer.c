/* A bounded queue: producers and consumers with two condition variables. Waiting keeps
 * the mutex held (cond_wait releases and retakes it), so every access is guarded. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdio.h>
#include <fearless.h>

#define CAP 8

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    int items[CAP] GUARDED_BY(mu);
    unsigned head GUARDED_BY(mu), count GUARDED_BY(mu);
    int done GUARDED_BY(mu);
};

static struct queue q = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                         PTHREAD_COND_INITIALIZER, {0}, 0, 0, 0};

static void put(struct queue *qu, int v)
{
    pthread_mutex_lock(&qu->mu);
    while (qu->count == CAP)
        pthread_cond_wait(&qu->not_full, &qu->mu);
    qu->items[(qu->head + qu->count) % CAP] = v;
    qu->count++;
    pthread_cond_signal(&qu->not_empty);
    pthread_mutex_unlock(&qu->mu);
}

static int take(struct queue *qu, int *out)
{
    pthread_mutex_lock(&qu->mu);
    while (qu->count == 0 && !qu->done)
        pthread_cond_wait(&qu->not_empty, &qu->mu);
    if (qu->count == 0) {
        pthread_mutex_unlock(&qu->mu);
        return 0;
    }
    *out = qu->items[qu->head];
    qu->head = (qu->head + 1) % CAP;
    qu->count--;
    pthread_cond_signal(&qu->not_full);
    pthread_mutex_unlock(&qu->mu);
    return 1;
}

static void *producer(void *arg)
{
    for (int i = 0; i < 100; i++)
        put(&q, i);
    return arg;
}

static void *consumer(void *arg)
{
    long sum = 0;
    int v;
    while (take(&q, &v))
        sum += v;
    printf("%ld\n", sum);
    return arg;
}

int main(void)
{
    pthread_t p[2], c[2];
    for (int i = 0; i < 2; i++) {
        pthread_create(&p[i], NULL, producer, NULL);
        pthread_create(&c[i], NULL, consumer, NULL);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(p[i], NULL);
    pthread_mutex_lock(&q.mu);
    q.done = 1;
    pthread_cond_broadcast(&q.not_empty);
    pthread_mutex_unlock(&q.mu);
    for (int i = 0; i < 2; i++)
        pthread_join(c[i], NULL);
    return 0;
}
