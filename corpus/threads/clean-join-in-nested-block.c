/* A thread lending a member of a local, started and joined inside a nested block and a
 * loop body: joined before every scope end. */
#include <pthread.h>
#include <stdio.h>

struct settings {
    int level;
};

static void *show(void *arg)
{
    const int *value = arg;
    printf("%d\n", *value);
    return NULL;
}

void run_rounds(int rounds)
{
    for (int r = 0; r < rounds; r++) {
        struct settings settings = {r};
        pthread_t thread;
        if (pthread_create(&thread, NULL, show, &settings.level) != 0)
            continue;
        if (r % 2) {
            pthread_join(thread, NULL);
            continue;
        }
        pthread_join(thread, NULL);
    }
}
// expected-no-diagnostics
