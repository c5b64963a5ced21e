// Twin of clean/globals-threads.c: calls_here without _Thread_local is one
// counter shared by every worker, written with no lock.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

#define N 4
static long results[N];
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long total_calls;
static char *table;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static atomic_int stop;
static int calls_here;
static int verbosity = 1;

static void build_table(void)
{
    table = malloc(256);
    if (table)
        for (int i = 0; i < 256; i++)
            table[i] = (char)i;
}

static void count_call(void)
{
    pthread_mutex_lock(&stats_lock);
    total_calls++;
    pthread_mutex_unlock(&stats_lock);
}

static void *work(void *arg)
{
    long id = (long)(intptr_t)arg;
    pthread_once(&table_once, build_table);
    long sum = 0;
    while (!atomic_load(&stop) && sum < 1000) {
        sum += table ? table[sum % 256] : 1;
        calls_here++; // expected-warning {{data race on 'calls_here'}} expected-note {{written in 'work' with no lock held}} expected-note {{also written in 'work' with no lock held}} expected-note {{help: protect every access to 'calls_here' with the same lock, or make it _Atomic}}
    }
    results[id] = sum;
    count_call();
    if (verbosity > 1)
        fprintf(stderr, "worker %ld done\n", id);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        verbosity = atoi(argv[1]);
    pthread_t threads[N];
    long started = 0;
    for (long i = 0; i < N; i++) {
        if (pthread_create(&threads[i], NULL, work, (void *)(intptr_t)i) != 0) // expected-note {{'work' runs in several threads at once}}
            break;
        started++;
    }
    atomic_store(&stop, 1);
    for (long i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    long sum = 0;
    for (long i = 0; i < started; i++)
        sum += results[i];
    printf("%ld %ld\n", sum, total_calls);
    free(table);
    return 0;
}
