/* Reading what a running thread writes through its argument (E0502). */
#include <pthread.h>
#include <stdio.h>

struct progress {
    long done;
};

static void *advance(void *arg) // expected-note {{'advance' writes through its argument}}
{
    struct progress *progress = arg;
    for (int i = 0; i < 1000; i++)
        progress->done = i;
    return NULL;
}

long watch(void)
{
    struct progress progress = {0};
    pthread_t thread;
    if (pthread_create(&thread, NULL, advance, &progress) != 0) // expected-note {{'progress' is lent to the thread spawned here}}
        return -1;
    printf("%ld\n", progress.done); // expected-error {{cannot read 'progress' while a running thread may write it}} expected-note {{help: join the thread before this access}}
    pthread_join(thread, NULL);
    return progress.done;
}
