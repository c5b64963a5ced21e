/* Pointers into locals escape too: a member's address and an array element past the
 * start, handed to threads that are detached. */
#include <pthread.h>
#include <stdio.h>

struct settings {
    int level;
    int verbose;
};

static void *show(void *arg)
{
    const int *value = arg;
    printf("%d\n", *value);
    return NULL;
}

void start_member(void)
{
    struct settings settings = {1, 0};
    pthread_t thread;
    if (pthread_create(&thread, NULL, show, &settings.level) != 0) // expected-error {{thread may outlive borrowed value 'settings.level'}} expected-note {{'settings.level' is lent to the thread spawned here by 'pthread_create'}} expected-note {{help: join the thread before 'settings.level' goes out of scope}}
        return;
    pthread_detach(thread); // expected-note {{the thread is detached here: it is never joined}}
} // expected-note {{'settings.level' goes out of scope here while the thread may still be running}}

void start_offset(void)
{
    int values[4] = {1, 2, 3, 4};
    pthread_t thread;
    if (pthread_create(&thread, NULL, show, values + 2) != 0) // expected-error {{thread may outlive borrowed value 'values[2]'}} expected-note {{'values[2]' is lent to the thread spawned here by 'pthread_create'}} expected-note {{help: join the thread before 'values[2]' goes out of scope}}
        return;
    pthread_detach(thread); // expected-note {{the thread is detached here: it is never joined}}
} // expected-note {{'values[2]' goes out of scope here while the thread may still be running}}
