/* Shapes from redis and memcached that are not races: a job popped under the lock into a
 * local pointer (the local is the thread's own), and one list per I/O thread filled in
 * the loop that spawns them, each thread reading only its own element. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdlib.h>

#define THREADS 4

struct node {
    struct node *next;
    int job;
};

static pthread_mutex_t jobs_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t jobs_cond = PTHREAD_COND_INITIALIZER;
static struct node *jobs_head;
static int stopping;
static struct node *lists[THREADS];

static void *background(void *arg)
{
    pthread_mutex_lock(&jobs_mu);
    for (;;) {
        struct node *node;
        if (jobs_head == NULL) {
            if (stopping)
                break;
            pthread_cond_wait(&jobs_cond, &jobs_mu);
            continue;
        }
        node = jobs_head;
        jobs_head = node->next;
        pthread_mutex_unlock(&jobs_mu);
        free(node);
        pthread_mutex_lock(&jobs_mu);
    }
    pthread_mutex_unlock(&jobs_mu);
    return arg;
}

static void *io_thread(void *arg)
{
    long id = (long)arg;
    struct node *mine = lists[id];
    return mine;
}

int main(void)
{
    pthread_t bg[2], io[THREADS];
    for (int i = 0; i < 2; i++)
        pthread_create(&bg[i], NULL, background, NULL);
    for (long i = 0; i < THREADS; i++) {
        lists[i] = calloc(1, sizeof(struct node));
        pthread_create(&io[i], NULL, io_thread, (void *)i);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(io[i], NULL);
    pthread_mutex_lock(&jobs_mu);
    stopping = 1;
    pthread_cond_broadcast(&jobs_cond);
    pthread_mutex_unlock(&jobs_mu);
    for (int i = 0; i < 2; i++)
        pthread_join(bg[i], NULL);
    return 0;
}
