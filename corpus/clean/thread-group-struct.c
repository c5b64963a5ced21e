// expected-no-diagnostics
/* A stack struct holds the handles: started in one helper, joined in another. */
#include <pthread.h>
#include <stdio.h>

#define NW 3

struct group {
    pthread_t threads[NW];
    int started;
    pthread_mutex_t lock;
    long sum;
};

static void *add(void *arg)
{
    struct group *g = arg;
    pthread_mutex_lock(&g->lock);
    g->sum += 1;
    pthread_mutex_unlock(&g->lock);
    return NULL;
}

static int group_start(struct group *g)
{
    pthread_mutex_init(&g->lock, NULL);
    g->sum = 0;
    for (g->started = 0; g->started < NW; g->started++)
        if (pthread_create(&g->threads[g->started], NULL, add, g) != 0)
            return -1;
    return 0;
}

static void group_stop(struct group *g)
{
    for (int i = 0; i < g->started; i++)
        pthread_join(g->threads[i], NULL);
    pthread_mutex_destroy(&g->lock);
}

int main(void)
{
    struct group g;
    int rc = group_start(&g);
    group_stop(&g);
    printf("%ld\n", g.sum);
    return rc == 0 ? 0 : 1;
}
