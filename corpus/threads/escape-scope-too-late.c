/* Scoped threads may borrow, but only locals that outlive the scope: here the local ends
 * before fl_scope_end joins the thread. */
#include <fearless/thread.h>
#include <stdio.h>

static void *show(void *arg)
{
    const int *value = arg;
    printf("%d\n", *value);
    return NULL;
}

void scoped(int flag)
{
    fl_scope scope;
    fl_scope_begin(&scope);
    if (flag) {
        int value = 1;
        fl_scope_spawn(&scope, show, &value); // expected-error {{thread may outlive borrowed value 'value'}} expected-note {{'value' is lent to the thread spawned here by 'fl_scope_spawn'}} expected-note {{help: join the thread before 'value' goes out of scope}}
    } // expected-note {{'value' goes out of scope here while the thread may still be running}}
    fl_scope_end(&scope);
}
