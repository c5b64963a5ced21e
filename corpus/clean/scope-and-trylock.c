// expected-no-diagnostics
/* fl_scope borrowing: workers sum disjoint slices of a stack array and write their own
 * result slot; the spawner reads the results only after fl_scope_end. A trylock loop on a
 * shared fl_mutex and lock helpers complete it. */
#include <fearless/mutex.h>
#include <fearless/thread.h>
#include <stdio.h>

struct slice {
    const int *data;
    int len;
    long sum;
};

static void *sum_slice(void *arg)
{
    struct slice *s = arg;
    s->sum = 0;
    for (int i = 0; i < s->len; i++)
        s->sum += s->data[i];
    return NULL;
}

struct stats {
    fl_mutex lock;
    long hits GUARDED_BY(lock);
};

static void stats_lock(struct stats *st) ACQUIRE(st->lock) { fl_mutex_lock(&st->lock); }
static void stats_unlock(struct stats *st) RELEASE(st->lock) { fl_mutex_unlock(&st->lock); }

static void *hit(void *arg)
{
    struct stats *st = arg;
    for (int i = 0; i < 100; i++) {
        while (!fl_mutex_trylock(&st->lock))
            fl_yield();
        st->hits++;
        fl_mutex_unlock(&st->lock);
    }
    stats_lock(st);
    st->hits++;
    stats_unlock(st);
    return NULL;
}

int main(void)
{
    int data[400];
    for (int i = 0; i < 400; i++)
        data[i] = i;
    struct slice slices[4];
    struct stats st = {.lock = FL_MUTEX_INIT, .hits = 0};
    fl_scope scope;
    if (fl_scope_begin(&scope) != FL_OK)
        return 1;
    for (int i = 0; i < 4; i++) {
        slices[i].data = data + i * 100;
        slices[i].len = 100;
        fl_scope_spawn(&scope, sum_slice, &slices[i]);
        fl_scope_spawn(&scope, hit, &st);
    }
    fl_scope_end(&scope);
    long total = 0;
    for (int i = 0; i < 4; i++)
        total += slices[i].sum;
    stats_lock(&st);
    printf("%ld %ld\n", total, st.hits);
    stats_unlock(&st);
    return 0;
}
