/* The seeds' "sharing a Mutex<T> between multiple threads" attempt: `counter` is moved
 * into the first thread, so the second iteration of the loop uses a moved value (E0382,
 * "value moved into closure here, in previous iteration of loop"). In C: fl_spawn's
 * argument is MOVED, and the same pointer is handed over again on every iteration. */
#include <fearless/mutex.h>
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

struct counter {
    fl_mutex lock;
    int value GUARDED_BY(lock);
};

static void *bump(void *arg)
{
    struct counter *counter = arg;
    fl_mutex_lock(&counter->lock);
    counter->value += 1;
    fl_mutex_unlock(&counter->lock);
    return NULL;
}

int main(void)
{
    struct counter *counter = calloc(1, sizeof *counter);
    if (!counter || fl_mutex_init(&counter->lock) != FL_OK)
        return 1;
    fl_thread *handles[10];
    for (int i = 0; i < 10; i++)
        fl_spawn(&handles[i], bump, counter); // expected-error {{use of moved value 'counter'}} expected-note {{value moved here, in previous iteration of loop}} expected-note {{help: each iteration needs its own value}}
    for (int i = 0; i < 10; i++)
        fl_join(handles[i], NULL);
    return 0;
}
