// expected-no-diagnostics
/* A stack struct lent to workers that use it under its own mutex (no GUARDED_BY), an
 * atomic counter and a const name; the spawner locks too, reads the rest after joins. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

struct shared {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int count;
    int ready;
    atomic_int hits;
    const char *name;
};

static void *worker(void *arg)
{
    struct shared *s = arg;
    pthread_mutex_lock(&s->mu);
    while (!s->ready)
        pthread_cond_wait(&s->cv, &s->mu);
    s->count++;
    pthread_mutex_unlock(&s->mu);
    atomic_fetch_add(&s->hits, 1);
    printf("%s\n", s->name);
    return NULL;
}

int main(void)
{
    struct shared s = {.count = 0, .ready = 0, .name = "shared"};
    atomic_init(&s.hits, 0);
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    pthread_t t[2];
    int n = 0;
    for (int i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, worker, &s) == 0)
            n++;
    pthread_mutex_lock(&s.mu);
    s.count += 10;
    s.ready = 1;
    pthread_cond_broadcast(&s.cv);
    pthread_mutex_unlock(&s.mu);
    atomic_fetch_add(&s.hits, 1);
    printf("%s %d\n", s.name, atomic_load(&s.hits));
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", s.count);
    pthread_cond_destroy(&s.cv);
    pthread_mutex_destroy(&s.mu);
    return 0;
}
