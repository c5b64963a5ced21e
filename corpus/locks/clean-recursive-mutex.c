/* A mutex made recursive with pthread_mutexattr_settype may be taken again by its
 * holder: no double-lock. */
// expected-no-diagnostics
#include <pthread.h>

static pthread_mutex_t m;
static int depth;

void init(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&m, &attr);
    pthread_mutexattr_destroy(&attr);
}

void nested(void)
{
    pthread_mutex_lock(&m);
    pthread_mutex_lock(&m);
    depth++;
    pthread_mutex_unlock(&m);
    pthread_mutex_unlock(&m);
}
