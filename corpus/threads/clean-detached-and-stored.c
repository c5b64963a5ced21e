/* Handles detached, stored for a later join, or returned are not dropped. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct server {
    pthread_t listener;
};

static void *work(void *arg)
{
    free(arg);
    return NULL;
}

void detached(void)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, work, NULL) == 0)
        pthread_detach(thread);
}

int stored(struct server *server)
{
    return pthread_create(&server->listener, NULL, work, NULL);
}

void stop(struct server *server)
{
    pthread_join(server->listener, NULL);
}

pthread_t returned(void)
{
    pthread_t thread;
    char *name = malloc(8);
    if (pthread_create(&thread, NULL, work, name) != 0)
        free(name);
    return thread;
}
// expected-no-diagnostics
