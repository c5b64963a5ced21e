/* The shared counter without the Mutex: rustc refuses to share a plain i32 mutably
 * between threads; fearless reports the data race on the struct every thread gets. */
#include <pthread.h>
#include <stdio.h>

struct counter {
    int count;
};

static void *add_one(void *arg)
{
    struct counter *c = arg;
    c->count += 1; // expected-warning {{data race on 'c->count'}} expected-note {{written in 'add_one' with no lock held}} expected-note {{also written in 'add_one' with no lock held}} expected-note {{help: protect every access to 'c->count'}}
    return NULL;
}

int main(void)
{
    struct counter counter = {0};
    pthread_t handles[10];
    for (int i = 0; i < 10; i++)
        pthread_create(&handles[i], NULL, add_one, &counter); // expected-note {{'add_one' runs in several threads at once}}
    for (int i = 0; i < 10; i++)
        pthread_join(handles[i], NULL);
    printf("Result: %d\n", counter.count);
    return 0;
}
