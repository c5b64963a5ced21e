/* The seeds' `Rc<Mutex<i32>>` attempt: Rc's count is not atomic, so `Rc<T>` cannot be sent
 * between threads safely (E0277). In C fl_rc is NOT_SEND: handing a clone to a thread is
 * an error. */
#include <fearless/mutex.h>
#include <fearless/rc.h>
#include <fearless/thread.h>
#include <stdio.h>

struct counter {
    fl_mutex lock;
    int value GUARDED_BY(lock);
};

static void *bump(void *arg)
{
    fl_rc *rc = arg;
    struct counter *counter = fl_rc_get(rc);
    fl_mutex_lock(&counter->lock);
    counter->value += 1;
    fl_mutex_unlock(&counter->lock);
    fl_rc_drop(rc);
    return NULL;
}

int main(void)
{
    fl_rc *counter = fl_rc_new(sizeof(struct counter), NULL);
    if (!counter)
        return 1;
    fl_mutex_init(&((struct counter *)fl_rc_get(counter))->lock);
    fl_thread *handles[10];
    for (int i = 0; i < 10; i++) {
        fl_rc *clone = fl_rc_clone(counter);
        if (fl_spawn(&handles[i], bump, clone) != FL_OK) // expected-error {{cannot be sent between threads safely}} expected-note {{is marked NOT_SEND}} expected-note {{required because 'fl_spawn' hands it to another thread}} expected-note {{help: use a SEND type (fl_arc instead of fl_rc)}}
            fl_rc_drop(clone);
    }
    for (int i = 0; i < 10; i++)
        fl_join(handles[i], NULL);
    fl_rc_drop(counter);
    return 0;
}
