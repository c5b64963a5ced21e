/* Scoped threads borrow locals that outlive the scope: fl_scope_end joins them all. */
#include <fearless/thread.h>
#include <stdio.h>

static void *show(void *arg)
{
    const int *value = arg;
    printf("%d\n", *value);
    return NULL;
}

void scoped(void)
{
    int first = 1, second = 2;
    fl_scope scope;
    fl_scope_begin(&scope);
    fl_scope_spawn(&scope, show, &first);
    fl_scope_spawn(&scope, show, &second);
    fl_scope_end(&scope);
    first = 3;
    printf("%d %d\n", first, second);
}
// expected-no-diagnostics
