/* Error paths returning NULL or a negative code with the lock still held are leaks, and
 * a thread function that ends holding a lock leaks it whatever it returns. */
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static int *cache;

int *cache_get(unsigned i)
{
    pthread_mutex_lock(&cache_lock); // expected-warning {{'cache_lock' is still held when 'cache_get' returns}} expected-note {{help: release 'cache_lock' on every path}}
    if (cache == NULL)
        return NULL; // expected-note {{'cache_get' returns here with 'cache_lock' held}}
    int *value = &cache[i];
    pthread_mutex_unlock(&cache_lock);
    return value;
}

static void *worker(void *arg)
{
    pthread_mutex_lock(&cache_lock); // expected-warning {{'cache_lock' is still held when 'worker' returns}} expected-note {{help: release 'cache_lock' on every path}}
    if (cache)
        cache[0]++;
    return arg; // expected-note {{'worker' returns here with 'cache_lock' held}}
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    return 0;
}
