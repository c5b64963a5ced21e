// expected-no-diagnostics
/* Joins through a helper over the handle array, a started flag, a handle stored through a
 * pointer into the array. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

struct ctx { int id; long out; };

static void *job(void *arg) { struct ctx *c = arg; c->out = c->id * 2; return NULL; }

static void join_all(pthread_t *threads, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pthread_join(threads[i], NULL);
}

long helper_join(void)
{
    struct ctx ctxs[4];
    pthread_t threads[4];
    size_t n = 0;
    for (size_t i = 0; i < 4; i++) {
        ctxs[i].id = (int)i;
        if (pthread_create(&threads[i], NULL, job, &ctxs[i]) != 0)
            break;
        n++;
    }
    join_all(threads, n);
    long sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += ctxs[i].out;
    return sum;
}

long flag_join(void)
{
    struct ctx c = {.id = 3, .out = 0};
    pthread_t t;
    bool created = false;
    if (pthread_create(&t, NULL, job, &c) == 0)
        created = true;
    else
        c.out = c.id * 2;
    if (created)
        pthread_join(t, NULL);
    return c.out;
}

long goto_join(int fail)
{
    struct ctx c = {.id = 1, .out = 0};
    long rc = -1;
    pthread_t t;
    if (pthread_create(&t, NULL, job, &c) != 0)
        goto out;
    if (fail)
        goto join;
    rc = 0;
join:
    pthread_join(t, NULL);
    rc += c.out;
out:
    return rc;
}

long pointer_slot(void)
{
    struct ctx ctxs[2] = {{1, 0}, {2, 0}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        pthread_t *slot = &threads[i];
        if (pthread_create(slot, NULL, job, &ctxs[i]) != 0)
            abort();
    }
    for (int i = 0; i < 2; i++)
        pthread_join(threads[i], NULL);
    return ctxs[0].out + ctxs[1].out;
}

int main(void)
{
    printf("%ld %ld %ld %ld\n", helper_join(), flag_join(), goto_join(0), pointer_slot());
    return 0;
}
