/* The same scoped threads, with the counter behind an fl_mutex: clean, annotated or not. */
// expected-no-diagnostics
#include <stdio.h>
#include <fearless.h>
#include <fearless/mutex.h>
#include <fearless/thread.h>

static fl_mutex hits_lock = FL_MUTEX_INIT;
static int hits GUARDED_BY(hits_lock);
static int plain_hits;

static void *bump(void *arg)
{
    fl_mutex_lock(&hits_lock);
    hits++;
    plain_hits++;
    fl_mutex_unlock(&hits_lock);
    return arg;
}

int main(void)
{
    fl_scope scope;
    fl_scope_begin(&scope);
    fl_scope_spawn(&scope, bump, NULL);
    fl_scope_spawn(&scope, bump, NULL);
    fl_scope_end(&scope);
    fl_mutex_lock(&hits_lock);
    printf("%d %d\n", hits, plain_hits);
    fl_mutex_unlock(&hits_lock);
    return 0;
}
