/* The shared counter as most C is written: no annotations at all. The lock is taken
 * around the increment, main reads after the joins: data-race stays quiet. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int count;

static void *add_one(void *arg)
{
    pthread_mutex_lock(&lock);
    count += 1;
    pthread_mutex_unlock(&lock);
    return arg;
}

int main(void)
{
    pthread_t handles[10];
    for (int i = 0; i < 10; i++)
        pthread_create(&handles[i], NULL, add_one, NULL);
    for (int i = 0; i < 10; i++)
        pthread_join(handles[i], NULL);
    printf("Result: %d\n", count);
    return 0;
}
