// expected-no-diagnostics
/* A growable work queue: goto-out unlock, timed condvar wait, a trylock drain that drops
 * the lock around a callback, init error paths that destroy what was made. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <time.h>

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    void **items;
    size_t len, cap;
    int closed;
};

static int queue_grow(struct queue *q)
{
    size_t cap = q->cap ? q->cap * 2 : 8;
    void **items = realloc(q->items, cap * sizeof *items);
    if (!items)
        return -1;
    q->items = items;
    q->cap = cap;
    return 0;
}

int queue_push(struct queue *q, void *item)
{
    int rc = 0;
    pthread_mutex_lock(&q->mu);
    if (q->closed) {
        rc = -1;
        goto out;
    }
    if (q->len == q->cap && queue_grow(q) != 0) {
        rc = -1;
        goto out;
    }
    q->items[q->len++] = item;
    pthread_cond_signal(&q->cv);
out:
    pthread_mutex_unlock(&q->mu);
    return rc;
}

void *queue_pop_timed(struct queue *q, int ms)
{
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += ms / 1000;
    void *item = NULL;
    pthread_mutex_lock(&q->mu);
    while (q->len == 0 && !q->closed) {
        int err = pthread_cond_timedwait(&q->cv, &q->mu, &deadline);
        if (err == ETIMEDOUT)
            break;
    }
    if (q->len > 0) {
        item = q->items[0];
        memmove(q->items, q->items + 1, (q->len - 1) * sizeof *q->items);
        q->len--;
    }
    pthread_mutex_unlock(&q->mu);
    return item;
}

int try_drain(struct queue *q, void (*consume)(void *))
{
    int n = 0;
    if (pthread_mutex_trylock(&q->mu) != 0)
        return -1;
    while (q->len > 0) {
        void *item = q->items[--q->len];
        pthread_mutex_unlock(&q->mu);
        consume(item);
        n++;
        pthread_mutex_lock(&q->mu);
    }
    pthread_mutex_unlock(&q->mu);
    return n;
}

void queue_close(struct queue *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = 1;
    pthread_cond_broadcast(&q->cv);
    pthread_mutex_unlock(&q->mu);
}

void queue_free(struct queue *q, void (*drop)(void *))
{
    for (size_t i = 0; i < q->len; i++)
        drop(q->items[i]);
    free(q->items);
    pthread_cond_destroy(&q->cv);
    pthread_mutex_destroy(&q->mu);
    free(q);
}

struct queue *queue_new(void)
{
    struct queue *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    if (pthread_mutex_init(&q->mu, NULL) != 0) {
        free(q);
        return NULL;
    }
    if (pthread_cond_init(&q->cv, NULL) != 0) {
        pthread_mutex_destroy(&q->mu);
        free(q);
        return NULL;
    }
    return q;
}

static void *consumer(void *arg)
{
    struct queue *q = arg;
    void *item;
    while ((item = queue_pop_timed(q, 100)) != NULL)
        free(item);
    return NULL;
}

int main(void)
{
    struct queue *q = queue_new();
    if (!q)
        return 1;
    pthread_t t;
    if (pthread_create(&t, NULL, consumer, q) != 0) {
        queue_free(q, free);
        return 1;
    }
    for (int i = 0; i < 100; i++) {
        int *v = malloc(sizeof *v);
        if (!v)
            break;
        *v = i;
        if (queue_push(q, v) != 0) {
            free(v);
            break;
        }
    }
    queue_close(q);
    pthread_join(t, NULL);
    try_drain(q, free);
    queue_free(q, free);
    return 0;
}
