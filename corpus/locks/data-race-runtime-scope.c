/* Scoped threads from the runtime: the spawns are recognised from fl_scope_spawn's
 * THREAD_FN contract, the joins from fl_scope_end's JOINS. */
#include <stdio.h>
#include <fearless/thread.h>

static int hits;

static void *bump(void *arg)
{
    hits++; // expected-warning {{data race on 'hits'}} expected-note {{written in 'bump' with no lock held}} expected-note {{also written in 'bump' with no lock held}} expected-note {{help: protect every access to 'hits'}}
    return arg;
}

int main(void)
{
    fl_scope scope;
    fl_scope_begin(&scope);
    fl_scope_spawn(&scope, bump, NULL); // expected-note {{'bump' runs in several threads at once}}
    fl_scope_spawn(&scope, bump, NULL);
    fl_scope_end(&scope);
    printf("%d\n", hits); /* after the scope joined every thread: fine */
    return 0;
}
