/* Every function takes the two locks in the same order, directly or through a helper:
 * no lock-order warning. */
// expected-no-diagnostics
#include <pthread.h>

static pthread_mutex_t outer = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t inner = PTHREAD_MUTEX_INITIALIZER;
static int a, b;

static void bump_inner(void)
{
    pthread_mutex_lock(&inner);
    b++;
    pthread_mutex_unlock(&inner);
}

void both(void)
{
    pthread_mutex_lock(&outer);
    pthread_mutex_lock(&inner);
    a = b;
    pthread_mutex_unlock(&inner);
    pthread_mutex_unlock(&outer);
}

void via_helper(void)
{
    pthread_mutex_lock(&outer);
    a++;
    bump_inner();
    pthread_mutex_unlock(&outer);
}

void inner_alone(void)
{
    bump_inner();
    pthread_mutex_lock(&outer);
    a--;
    pthread_mutex_unlock(&outer);
}
