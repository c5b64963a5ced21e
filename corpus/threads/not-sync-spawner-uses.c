/* A NOT_SYNC object lent to a running scoped thread while the spawner uses it too. */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdio.h>

static void *consume(void *arg)
{
    fl_receiver *rx = arg;
    int value;
    while (fl_recv(rx, &value) == FL_OK)
        printf("%d\n", value);
    return NULL;
}

void drain_together(fl_receiver *rx)
{
    fl_scope scope;
    fl_scope_begin(&scope);
    fl_scope_spawn(&scope, consume, rx); // expected-note {{'rx' is lent to the thread spawned here, which is still running}}
    int value;
    fl_try_recv(rx, &value); // expected-error {{cannot be shared between threads safely}} expected-note {{help: move it to a single thread}}
    fl_scope_end(&scope);
    fl_try_recv(rx, &value); /* joined: fine */
}
