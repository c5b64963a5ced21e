/* Calling a function that takes the lock itself while holding it: self-deadlock. Declared
 * with EXCLUDES, or inferred from the body of a helper in the same file. */
#include <pthread.h>
#include <stdio.h>
#include <fearless.h>

struct store {
    pthread_mutex_t mu;
    int items GUARDED_BY(mu);
};

void flush(struct store *s) EXCLUDES(s->mu); // expected-note {{'flush' is declared EXCLUDES(s->mu)}}

static void log_items(struct store *s) // expected-note {{'log_items' acquires 's->mu' itself: the call deadlocks}}
{
    pthread_mutex_lock(&s->mu);
    printf("%d\n", s->items);
    pthread_mutex_unlock(&s->mu);
}

void put(struct store *s)
{
    pthread_mutex_lock(&s->mu); // expected-note 2 {{'s->mu' acquired here}}
    s->items++;
    log_items(s); // expected-error {{calling 'log_items' while holding 's->mu'}} expected-note {{help: release 's->mu' before calling 'log_items'}}
    flush(s); // expected-error {{calling 'flush' while holding 's->mu'}} expected-note {{help: release 's->mu' before calling 'flush'}}
    pthread_mutex_unlock(&s->mu);
}

void put_right(struct store *s)
{
    pthread_mutex_lock(&s->mu);
    s->items++;
    pthread_mutex_unlock(&s->mu);
    log_items(s);
    flush(s);
}
