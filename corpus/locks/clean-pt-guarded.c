/* PT_GUARDED_BY guards what the pointer points to; the pointer itself may be read
 * freely (and compared, copied) without the lock. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdlib.h>
#include <fearless.h>

struct buffer {
    pthread_mutex_t mu;
    char *bytes PT_GUARDED_BY(mu);
    size_t length GUARDED_BY(mu);
};

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static int *table PT_GUARDED_BY(table_mu);

int has_storage(struct buffer *b)
{
    return b->bytes != NULL;
}

void clear(struct buffer *b)
{
    pthread_mutex_lock(&b->mu);
    for (size_t i = 0; i < b->length; i++)
        b->bytes[i] = 0;
    pthread_mutex_unlock(&b->mu);
}

int lookup(int i)
{
    int *snapshot = table;
    (void)snapshot;
    pthread_mutex_lock(&table_mu);
    int v = table[i];
    pthread_mutex_unlock(&table_mu);
    return v;
}

/* A global guard named by its address, as Abseil-style code often writes it. */
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static long lookups GUARDED_BY(&stats_mu);

void count_lookup(void)
{
    pthread_mutex_lock(&stats_mu);
    lookups++;
    pthread_mutex_unlock(&stats_mu);
}
