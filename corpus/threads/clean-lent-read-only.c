/* A thread that only reads its argument: the spawner may read too; it writes only after
 * the join. Atomic and guarded members may be used while the thread runs. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct config {
    int verbose;
    atomic_int stop;
};

static void *serve(void *arg)
{
    struct config *config = arg;
    while (!atomic_load(&config->stop))
        if (config->verbose)
            puts("serving");
    return NULL;
}

int run(void)
{
    struct config config = {1, 0};
    pthread_t thread;
    if (pthread_create(&thread, NULL, serve, &config) != 0)
        return -1;
    printf("verbose=%d\n", config.verbose);
    atomic_store(&config.stop, 1);
    pthread_join(thread, NULL);
    config.verbose = 0;
    return config.verbose;
}

struct result {
    long value;
};

static void *compute(void *arg)
{
    struct result *result = arg;
    result->value = 42;
    return NULL;
}

long create_join_read_free(void)
{
    struct result *result = malloc(sizeof *result);
    if (!result)
        return -1;
    pthread_t thread;
    if (pthread_create(&thread, NULL, compute, result) != 0) {
        free(result);
        return -1;
    }
    pthread_join(thread, NULL);
    long value = result->value;
    free(result);
    return value;
}
// expected-no-diagnostics
