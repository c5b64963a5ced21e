/* A channel receiver is NOT_SYNC: two scoped threads receiving on the same one share it. */
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

void two_consumers(fl_receiver *rx)
{
    fl_scope scope;
    fl_scope_begin(&scope);
    fl_scope_spawn(&scope, consume, rx); // expected-note {{already shared with the thread spawned here}}
    fl_scope_spawn(&scope, consume, rx); // expected-error {{cannot be shared between threads safely}} expected-note {{help: move it to a single thread}}
    fl_scope_end(&scope);
}
