/* The deadlock the book warns of for Mutex<T>: two threads, two locks, opposite orders;
 * each can hold one lock and wait for the other forever. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t first = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t second = PTHREAD_MUTEX_INITIALIZER;
static int a, b;

static void *one(void *arg)
{
    pthread_mutex_lock(&first); // expected-note {{in 'one', 'first' is acquired first}}
    pthread_mutex_lock(&second); // expected-note {{and 'second' acquired here while it is held}}
    a++;
    b++;
    pthread_mutex_unlock(&second);
    pthread_mutex_unlock(&first);
    return arg;
}

static void *other(void *arg)
{
    pthread_mutex_lock(&second); // expected-note {{'second' acquired here first}}
    pthread_mutex_lock(&first); // expected-warning {{acquiring 'first' while holding 'second' inverts the lock order used in 'one'}} expected-note {{help: two threads taking these locks in opposite orders can deadlock}}
    b++;
    a++;
    pthread_mutex_unlock(&first);
    pthread_mutex_unlock(&second);
    return arg;
}

int main(void)
{
    pthread_t t1, t2;
    pthread_create(&t1, NULL, one, NULL);
    pthread_create(&t2, NULL, other, NULL);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%d %d\n", a, b);
    return 0;
}
