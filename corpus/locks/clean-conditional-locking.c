/* Locking under a flag tested twice: the analysis is not path-sensitive, so locks held
 * on some paths only are never reported in the default mode. */
// expected-no-diagnostics
#include <pthread.h>
#include <fearless.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int value GUARDED_BY(m);

int update(int threaded)
{
    if (threaded)
        pthread_mutex_lock(&m);
    int old = value;
    if (threaded)
        pthread_mutex_unlock(&m);
    return old;
}
