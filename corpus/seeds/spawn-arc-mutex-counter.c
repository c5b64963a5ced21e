/* The seeds' `Arc<Mutex<i32>>` counter: each thread gets its own clone of an atomically
 * counted reference to a mutex-protected counter. Clean, as with rustc. */
#include <fearless/arc.h>
#include <fearless/mutex.h>
#include <fearless/thread.h>
#include <stdio.h>

struct counter {
    fl_mutex lock;
    int value GUARDED_BY(lock);
};

static void *bump(void *arg)
{
    fl_arc *arc = arg;
    struct counter *counter = fl_arc_get(arc);
    fl_mutex_lock(&counter->lock);
    counter->value += 1;
    fl_mutex_unlock(&counter->lock);
    fl_arc_drop(arc);
    return NULL;
}

int main(void)
{
    fl_arc *arc = fl_arc_new(sizeof(struct counter), NULL);
    if (!arc)
        return 1;
    struct counter *counter = fl_arc_get(arc);
    fl_mutex_init(&counter->lock);
    fl_thread *handles[10];
    int started = 0;
    for (int i = 0; i < 10; i++) {
        fl_arc *clone = fl_arc_clone(arc);
        if (fl_spawn(&handles[i], bump, clone) != FL_OK) {
            fl_arc_drop(clone);
            break;
        }
        started++;
    }
    for (int i = 0; i < started; i++)
        fl_join(handles[i], NULL);
    fl_mutex_lock(&counter->lock);
    printf("Result: %d\n", counter->value);
    fl_mutex_unlock(&counter->lock);
    fl_arc_drop(arc);
    return 0;
}
// expected-no-diagnostics
