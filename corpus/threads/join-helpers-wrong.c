/* Wrong twins of clean/thread-join-helpers.c: a helper that does not join, a started flag
 * tested only on one branch, a handle stored through a pointer and never joined. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

struct ctx { int id; long out; };

static void *job(void *arg) { struct ctx *c = arg; c->out = c->id * 2; return NULL; }

static void print_all(pthread_t *threads, size_t n)
{
    for (size_t i = 0; i < n; i++)
        printf("%lu\n", (unsigned long)threads[i]);
}

long helper_does_not_join(void)
{
    struct ctx ctxs[4];
    pthread_t threads[4];
    size_t n = 0;
    for (size_t i = 0; i < 4; i++) {
        ctxs[i].id = (int)i;
        if (pthread_create(&threads[i], NULL, job, &ctxs[i]) != 0) // expected-warning {{thread handles in 'threads' are dropped without a join or detach}} expected-note {{help: join 'threads'}} expected-error {{thread may outlive borrowed value 'ctxs[_]'}} expected-note {{'ctxs[_]' is lent to the thread spawned here by 'pthread_create'}} expected-note {{help: join the thread before 'ctxs[_]' goes out of scope}}
            break;
        n++;
    }
    print_all(threads, n);
    return (long)n; // expected-note {{'threads' goes out of scope here}} expected-note {{'ctxs[_]' goes out of scope here while the thread may still be running}}
}

long flag_join_skipped(bool fast)
{
    struct ctx c = {.id = 3, .out = 0};
    pthread_t t;
    bool created = false;
    if (pthread_create(&t, NULL, job, &c) == 0) // expected-warning {{thread handle 't' is dropped without a join or detach}} expected-note {{help: join 't' on every path}} expected-error {{thread may outlive borrowed value 'c'}} expected-note {{'c' is lent to the thread spawned here}} expected-note {{help: join the thread before 'c' goes out of scope}}
        created = true;
    if (created && !fast) // expected-note 2 {{the join is skipped on a path from here}}
        pthread_join(t, NULL);
    return 0; // expected-note {{'t' goes out of scope here}} expected-note {{'c' goes out of scope here while the thread may still be running}}
}

void slot_never_joined(void)
{
    static struct ctx ctxs[2];
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        pthread_t *slot = &threads[i];
        if (pthread_create(slot, NULL, job, &ctxs[i]) != 0) // expected-warning {{thread handles in 'threads' are dropped without a join or detach}} expected-note {{help: join 'threads'}}
            return;
    }
} // expected-note {{'threads' goes out of scope here}}
