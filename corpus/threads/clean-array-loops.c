/* The common shape: spawn into t[i] lending slot[i] in one loop, join t[i] in another. */
#include <pthread.h>
#include <stdio.h>
#include <threads.h>

#define WORKERS 4

struct slot {
    int index;
    long result;
};

static void *work(void *arg)
{
    struct slot *slot = arg;
    slot->result = (long)slot->index * slot->index;
    return NULL;
}

static int work_c11(void *arg)
{
    struct slot *slot = arg;
    slot->result = slot->index;
    return 0;
}

long run_workers(void)
{
    pthread_t threads[WORKERS];
    struct slot slots[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        slots[i].index = i;
        slots[i].result = 0;
        pthread_create(&threads[i], NULL, work, &slots[i]);
    }
    for (int i = 0; i < WORKERS; i++)
        pthread_join(threads[i], NULL);
    long total = 0;
    for (int i = 0; i < WORKERS; i++)
        total += slots[i].result;
    return total;
}

long run_c11(void)
{
    thrd_t threads[WORKERS];
    struct slot slots[WORKERS];
    for (int i = 0; i < WORKERS; i++) {
        slots[i].index = i;
        thrd_create(&threads[i], work_c11, &slots[i]);
    }
    for (int i = 0; i < WORKERS; i++)
        thrd_join(threads[i], NULL);
    return slots[0].result;
}
// expected-no-diagnostics
