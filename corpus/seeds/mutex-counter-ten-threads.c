/* The book's shared counter: ten threads each add one under the mutex, main prints the
 * result after joining them all (Arc<Mutex<i32>>). Clean. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdio.h>
#include <fearless.h>

struct counter {
    pthread_mutex_t lock;
    int count GUARDED_BY(lock);
};

static struct counter counter = {PTHREAD_MUTEX_INITIALIZER, 0};

static void *add_one(void *arg)
{
    struct counter *c = arg;
    pthread_mutex_lock(&c->lock);
    c->count += 1;
    pthread_mutex_unlock(&c->lock);
    return NULL;
}

int main(void)
{
    pthread_t handles[10];
    for (int i = 0; i < 10; i++)
        pthread_create(&handles[i], NULL, add_one, &counter);
    for (int i = 0; i < 10; i++)
        pthread_join(handles[i], NULL);
    pthread_mutex_lock(&counter.lock);
    printf("Result: %d\n", counter.count);
    pthread_mutex_unlock(&counter.lock);
    return 0;
}
