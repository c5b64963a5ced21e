// expected-no-diagnostics
/* libfearless shared state: an fl_arc per thread (cloned before the spawn, dropped by the
 * thread or on spawn failure) holding a GUARDED_BY counter, an fl_rwlock config read by
 * workers and written by main, an fl_condvar gate, an fl_mutex_of guard, fl_once init. */
#include <fearless/arc.h>
#include <fearless/condvar.h>
#include <fearless/mutex.h>
#include <fearless/once.h>
#include <fearless/rwlock.h>
#include <fearless/thread.h>
#include <stdbool.h>
#include <stdio.h>

struct shared {
    fl_mutex lock;
    fl_condvar go;
    bool started GUARDED_BY(lock);
    long total GUARDED_BY(lock);
    fl_rwlock config_lock;
    int step GUARDED_BY(config_lock);
};

static fl_once once = FL_ONCE_INIT;
static fl_mutex_of log_lines;
static long log_count;

static void init_log(void) { fl_mutex_of_init(&log_lines, &log_count); }

static void log_line(void)
{
    fl_once_call(&once, init_log);
    long *count = fl_mutex_of_lock(&log_lines);
    (*count)++;
    fl_mutex_of_unlock(&log_lines);
}

static int read_step(struct shared *s)
{
    fl_rwlock_read_lock(&s->config_lock);
    int step = s->step;
    fl_rwlock_read_unlock(&s->config_lock);
    return step;
}

static void *work(void *arg)
{
    fl_arc *ref = arg;
    struct shared *s = fl_arc_get(ref);
    fl_mutex_lock(&s->lock);
    while (!s->started)
        fl_condvar_wait(&s->go, &s->lock);
    fl_mutex_unlock(&s->lock);
    for (int i = 0; i < 100; i++) {
        int step = read_step(s);
        fl_mutex_lock(&s->lock);
        s->total += step;
        fl_mutex_unlock(&s->lock);
    }
    log_line();
    fl_arc_drop(ref);
    return NULL;
}

int main(void)
{
    fl_arc *ref = fl_arc_new(sizeof(struct shared), NULL);
    if (!ref)
        return 1;
    struct shared *s = fl_arc_get(ref);
    fl_mutex_init(&s->lock);
    fl_condvar_init(&s->go);
    fl_rwlock_init(&s->config_lock);
    fl_rwlock_write_lock(&s->config_lock);
    s->step = 1;
    fl_rwlock_write_unlock(&s->config_lock);

    fl_thread *threads[4];
    int n = 0;
    for (int i = 0; i < 4; i++) {
        fl_arc *clone = fl_arc_clone(ref);
        if (fl_spawn(&threads[n], work, clone) != FL_OK) {
            fl_arc_drop(clone);
            break;
        }
        n++;
    }
    fl_mutex_lock(&s->lock);
    s->started = true;
    fl_condvar_broadcast(&s->go);
    fl_mutex_unlock(&s->lock);
    fl_rwlock_write_lock(&s->config_lock);
    s->step = 2;
    fl_rwlock_write_unlock(&s->config_lock);
    for (int i = 0; i < n; i++)
        fl_join(threads[i], NULL);
    fl_mutex_lock(&s->lock);
    printf("%ld\n", s->total);
    fl_mutex_unlock(&s->lock);
    log_line();
    fl_arc_drop(ref);
    return 0;
}
