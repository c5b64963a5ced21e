// expected-no-diagnostics
/* Handles returned by value, kept in a heap struct, thread functions from a table, a thread
 * detached by its attributes, main ending with pthread_exit. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct worker {
    pthread_t tid;
    char *name;
    int done;
};

static void *greet(void *arg) { printf("%s\n", (const char *)arg); return NULL; }
static void *shout(void *arg) { printf("%s!\n", (const char *)arg); return NULL; }

static const struct { const char *label; void *(*fn)(void *); } table[] = {
    {"greet", greet},
    {"shout", shout},
};

pthread_t start_detachable(const char *msg)
{
    pthread_t t;
    if (pthread_create(&t, NULL, greet, (void *)msg) != 0)
        abort();
    return t;
}

struct worker *worker_new(const char *name)
{
    struct worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->name = strdup(name);
    if (!w->name || pthread_create(&w->tid, NULL, greet, w->name) != 0) {
        free(w->name);
        free(w);
        return NULL;
    }
    return w;
}

void worker_free(struct worker *w)
{
    pthread_join(w->tid, NULL);
    free(w->name);
    free(w);
}

void run_table(void)
{
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&threads[i], NULL, table[i].fn, (void *)table[i].label);
    for (int i = 0; i < 2; i++)
        pthread_join(threads[i], NULL);
}

void run_detached(void)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t t;
    pthread_create(&t, &attr, greet, "detached");
    pthread_attr_destroy(&attr);
}

int main(void)
{
    pthread_t t = start_detachable("hi");
    pthread_join(t, NULL);
    struct worker *w = worker_new("w");
    if (w)
        worker_free(w);
    run_table();
    run_detached();
    pthread_exit(NULL);
}
