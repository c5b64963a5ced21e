/* EXCLUDES functions called without the lock; helpers that lock internally called with
 * nothing held. */
// expected-no-diagnostics
#include <pthread.h>
#include <fearless.h>

struct logger {
    pthread_mutex_t mu;
    int lines GUARDED_BY(mu);
};

void log_line(struct logger *l) EXCLUDES(l->mu)
{
    pthread_mutex_lock(&l->mu);
    l->lines++;
    pthread_mutex_unlock(&l->mu);
}

static int line_count(struct logger *l)
{
    pthread_mutex_lock(&l->mu);
    int n = l->lines;
    pthread_mutex_unlock(&l->mu);
    return n;
}

int log_twice(struct logger *l)
{
    log_line(l);
    log_line(l);
    return line_count(l);
}
