/* Globals: GUARDED_BY a global lock; PT_GUARDED_BY guards the pointee, not the pointer. */
#include <pthread.h>
#include <stdlib.h>
#include <fearless.h>

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static int table_size GUARDED_BY(table_mu); // expected-note {{'table_size' is guarded by 'table_mu'}}
static int *table PT_GUARDED_BY(table_mu); // expected-note {{'table' is guarded by 'table_mu'}}

void grow(void)
{
    table_size = 64; // expected-error {{writing 'table_size' requires holding 'table_mu' exclusively}} expected-note {{help: lock 'table_mu' around this access}}
}

void store(int i, int v)
{
    int *t = table; /* the pointer itself is not guarded */
    (void)t;
    table[i] = v; // expected-error {{requires holding 'table_mu' exclusively}} expected-note {{help: lock 'table_mu' around this access}}
}

void store_right(int i, int v)
{
    pthread_mutex_lock(&table_mu);
    if (i < table_size)
        table[i] = v;
    pthread_mutex_unlock(&table_mu);
}
