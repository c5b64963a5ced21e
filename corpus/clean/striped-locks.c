// expected-no-diagnostics
/* A striped hash table: one mutex per bucket; moves between two buckets take the two locks
 * in index order (never the same one twice); a global config is written before the
 * threads start and only read by them; each worker's result is read after the join. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NBUCKETS 8

struct bucket {
    pthread_mutex_t lock;
    long count;
};

static struct bucket table[NBUCKETS];
static int config_rounds;
static int verbose;

static void lock_pair(size_t a, size_t b)
{
    if (a == b) {
        pthread_mutex_lock(&table[a].lock);
    } else if (a < b) {
        pthread_mutex_lock(&table[a].lock);
        pthread_mutex_lock(&table[b].lock);
    } else {
        pthread_mutex_lock(&table[b].lock);
        pthread_mutex_lock(&table[a].lock);
    }
}

static void unlock_pair(size_t a, size_t b)
{
    pthread_mutex_unlock(&table[a].lock);
    if (a != b)
        pthread_mutex_unlock(&table[b].lock);
}

static void move_one(size_t from, size_t to)
{
    lock_pair(from, to);
    if (table[from].count > 0) {
        table[from].count--;
        table[to].count++;
    }
    unlock_pair(from, to);
}

struct worker {
    pthread_t tid;
    unsigned seed;
    long moves;
};

static void *run(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < config_rounds; i++) {
        size_t a = (size_t)rand_r(&w->seed) % NBUCKETS;
        size_t b = (size_t)rand_r(&w->seed) % NBUCKETS;
        move_one(a, b);
        w->moves++;
    }
    if (verbose)
        printf("worker done\n");
    return NULL;
}

int main(int argc, char **argv)
{
    config_rounds = argc > 1 ? atoi(argv[1]) : 1000;
    verbose = argc > 2;
    for (size_t i = 0; i < NBUCKETS; i++) {
        pthread_mutex_init(&table[i].lock, NULL);
        table[i].count = 100;
    }
    struct worker *workers = calloc(4, sizeof *workers);
    if (!workers)
        return 1;
    size_t n = 0;
    for (; n < 4; n++) {
        workers[n].seed = (unsigned)n;
        if (pthread_create(&workers[n].tid, NULL, run, &workers[n]) != 0)
            break;
    }
    long moves = 0;
    for (size_t i = 0; i < n; i++) {
        pthread_join(workers[i].tid, NULL);
        moves += workers[i].moves;
    }
    free(workers);
    long total = 0;
    for (size_t i = 0; i < NBUCKETS; i++) {
        pthread_mutex_lock(&table[i].lock);
        total += table[i].count;
        pthread_mutex_unlock(&table[i].lock);
        pthread_mutex_destroy(&table[i].lock);
    }
    printf("%ld %ld\n", total, moves);
    return total == 100 * NBUCKETS ? 0 : 1;
}
