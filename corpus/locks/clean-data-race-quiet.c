/* No race anywhere: initialisation before the first spawn, results read after the last
 * join, _Atomic counters, globals only read by threads, one slot per thread, and a
 * helper whose every caller holds the lock. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 4

static int config_level;                 /* written before spawning, then only read */
static _Atomic long hits;                /* atomic: never a race */
static long totals[N];
static long grand_total;                 /* every writer holds total_mu */
static pthread_mutex_t total_mu = PTHREAD_MUTEX_INITIALIZER;

struct slot {
    int id;
    long result;
};

static void add_to_total(long v)
{
    grand_total += v;                    /* callers hold total_mu */
}

static void *work(void *arg)
{
    struct slot *slot = arg;             /* each thread gets its own slot */
    slot->result = slot->id * config_level;
    hits++;
    pthread_mutex_lock(&total_mu);
    add_to_total(slot->result);
    pthread_mutex_unlock(&total_mu);
    return NULL;
}

int main(void)
{
    pthread_t threads[N];
    struct slot slots[N];
    config_level = 3;
    for (int i = 0; i < N; i++) {
        slots[i].id = i;
        slots[i].result = 0;
        pthread_create(&threads[i], NULL, work, &slots[i]);
    }
    for (int i = 0; i < N; i++)
        pthread_join(threads[i], NULL);
    for (int i = 0; i < N; i++)
        totals[i] = slots[i].result;
    printf("%ld %ld %ld\n", totals[0], grand_total, (long)hits);
    return 0;
}
