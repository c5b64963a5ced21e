/* Readers share the lock, the writer takes it exclusively. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdio.h>
#include <fearless.h>
#include <fearless/rwlock.h>

struct table {
    pthread_rwlock_t lock;
    int entries[16] GUARDED_BY(lock);
};

static struct table t = {PTHREAD_RWLOCK_INITIALIZER, {0}};

static fl_rwlock settings_lock = FL_RWLOCK_INIT;
static int verbosity GUARDED_BY(settings_lock);

static void *reader(void *arg)
{
    long sum = 0;
    pthread_rwlock_rdlock(&t.lock);
    for (int i = 0; i < 16; i++)
        sum += t.entries[i];
    pthread_rwlock_unlock(&t.lock);
    fl_rwlock_read_lock(&settings_lock);
    if (verbosity > 1)
        printf("%ld\n", sum);
    fl_rwlock_read_unlock(&settings_lock);
    return arg;
}

static void *writer(void *arg)
{
    pthread_rwlock_wrlock(&t.lock);
    for (int i = 0; i < 16; i++)
        t.entries[i] = i;
    pthread_rwlock_unlock(&t.lock);
    fl_rwlock_write_lock(&settings_lock);
    verbosity = 2;
    fl_rwlock_write_unlock(&settings_lock);
    return arg;
}

int main(void)
{
    pthread_t r[4], w;
    pthread_create(&w, NULL, writer, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&r[i], NULL, reader, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(r[i], NULL);
    pthread_join(w, NULL);
    return 0;
}
