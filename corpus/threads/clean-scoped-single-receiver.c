/* One scoped thread uses the receiver; the spawner touches it only after the scope. */
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

void drain(fl_receiver *rx)
{
    fl_scope scope;
    fl_scope_begin(&scope);
    fl_scope_spawn(&scope, consume, rx);
    fl_scope_end(&scope);
    fl_receiver_drop(rx);
}
// expected-no-diagnostics
