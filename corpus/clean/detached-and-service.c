// expected-no-diagnostics
/* Detached per-connection threads own a heap argument they free; a service struct keeps
 * its thread handle and joins it in a destroy function; a stop flag is atomic. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
    int fd;
    char peer[64];
};

static void *serve_conn(void *arg)
{
    struct conn *conn = arg;
    char buf[256];
    ssize_t n;
    while ((n = read(conn->fd, buf, sizeof buf)) > 0)
        if (write(conn->fd, buf, (size_t)n) != n)
            break;
    close(conn->fd);
    free(conn);
    return NULL;
}

int accept_one(int fd, const char *peer)
{
    struct conn *conn = malloc(sizeof *conn);
    if (!conn)
        return -1;
    conn->fd = fd;
    snprintf(conn->peer, sizeof conn->peer, "%s", peer);
    pthread_t tid;
    int err = pthread_create(&tid, NULL, serve_conn, conn);
    if (err != 0) {
        close(conn->fd);
        free(conn);
        return -1;
    }
    pthread_detach(tid);
    return 0;
}

struct service {
    pthread_t ticker;
    atomic_bool stop;
    atomic_long ticks;
    int running;
};

static void *tick(void *arg)
{
    struct service *svc = arg;
    while (!atomic_load(&svc->stop)) {
        atomic_fetch_add(&svc->ticks, 1);
        usleep(1000);
    }
    return NULL;
}

struct service *service_start(void)
{
    struct service *svc = calloc(1, sizeof *svc);
    if (!svc)
        return NULL;
    atomic_init(&svc->stop, false);
    atomic_init(&svc->ticks, 0);
    if (pthread_create(&svc->ticker, NULL, tick, svc) != 0) {
        free(svc);
        return NULL;
    }
    svc->running = 1;
    return svc;
}

void service_destroy(struct service *svc)
{
    if (!svc)
        return;
    atomic_store(&svc->stop, true);
    if (svc->running)
        pthread_join(svc->ticker, NULL);
    free(svc);
}

int main(void)
{
    struct service *svc = service_start();
    if (!svc)
        return 1;
    accept_one(0, "stdin");
    usleep(5000);
    long n = atomic_load(&svc->ticks);
    service_destroy(svc);
    return n >= 0 ? 0 : 1;
}
