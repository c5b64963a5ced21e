/* A detached thread is never joined: lending it a local is always an error. */
#include <pthread.h>
#include <stdio.h>

static void *show(void *arg)
{
    const int *value = arg;
    printf("%d\n", *value);
    return NULL;
}

void start_detached(void)
{
    int value = 42;
    pthread_t thread;
    if (pthread_create(&thread, NULL, show, &value) != 0) // expected-error {{thread may outlive borrowed value 'value'}} expected-note {{'value' is lent to the thread spawned here by 'pthread_create'}} expected-note {{help: join the thread before 'value' goes out of scope}}
        return;
    pthread_detach(thread); // expected-note {{the thread is detached here: it is never joined}}
} // expected-note {{'value' goes out of scope here while the thread may still be running}}
