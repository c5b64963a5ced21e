/* Locks taken and released inside loops, released before break and continue, and the
 * goto-cleanup style: every path releases exactly once. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdlib.h>
#include <fearless.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int items GUARDED_BY(m);

int drain(int limit)
{
    int taken = 0;
    for (;;) {
        pthread_mutex_lock(&m);
        if (items == 0) {
            pthread_mutex_unlock(&m);
            break;
        }
        items--;
        pthread_mutex_unlock(&m);
        if (++taken == limit)
            break;
    }
    return taken;
}

int add_all(const int *values, int n)
{
    int added = 0;
    for (int i = 0; i < n; i++) {
        pthread_mutex_lock(&m);
        if (values[i] < 0) {
            pthread_mutex_unlock(&m);
            continue;
        }
        items += values[i];
        added++;
        pthread_mutex_unlock(&m);
    }
    return added;
}

int reserve(int n)
{
    int rc = -1;
    int *scratch = malloc(sizeof *scratch * (size_t)(n > 0 ? n : 1));
    if (!scratch)
        return -1;
    pthread_mutex_lock(&m);
    if (items < n)
        goto out;
    items -= n;
    rc = 0;
out:
    pthread_mutex_unlock(&m);
    free(scratch);
    return rc;
}
