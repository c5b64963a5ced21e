/* Mirrors Rust listing 16-15 ("Using an Arc<T> to wrap the Mutex<T>"):
 *
 *     let counter = Arc::new(Mutex::new(0));
 *     let mut handles = vec![];
 *     for _ in 0..10 {
 *         let counter = Arc::clone(&counter);
 *         let handle = thread::spawn(move || { let mut num = counter.lock().unwrap();
 *                                              *num += 1; });
 *         handles.push(handle);
 *     }
 *     for handle in handles { handle.join().unwrap(); }
 *     println!("Result: {}", *counter.lock().unwrap());
 *
 * Mapping: Mutex<i32> -> struct counter, an fl_mutex plus a value annotated
 * GUARDED_BY(lock) so it can only be touched with the lock held (what MutexGuard
 * enforces); Arc::new -> fl_arc_new (zeroed data, so the value starts at 0), with
 * counter_drop as the destructor; Arc::clone -> fl_arc_clone, and each clone is the MOVED
 * spawn arg of increment, which drops it (fl_arc_drop) when the closure would end.
 * counter.lock() / end of the guard's scope -> fl_mutex_lock / fl_mutex_unlock. */
// expected-no-diagnostics
#include <fearless/runtime.h>
#include <stdio.h>

#define THREADS 10

struct counter {
    fl_mutex lock;
    int value GUARDED_BY(lock);
};

static void counter_drop(void *data) {
    struct counter *counter = data;
    fl_mutex_destroy(&counter->lock);
}

static void *increment(void *arg) {
    fl_arc *shared = arg;
    struct counter *counter = fl_arc_get(shared);
    fl_mutex_lock(&counter->lock);
    counter->value += 1;
    fl_mutex_unlock(&counter->lock);
    fl_arc_drop(shared);
    return NULL;
}

/* Spawns up to THREADS incrementers, each owning a clone of `shared`; returns how many
 * were started (their handles are in handles[0..n)). */
static size_t spawn_incrementers(fl_arc *shared, fl_thread *handles[THREADS]) {
    size_t started = 0;
    for (; started < THREADS; started++) {
        fl_arc *clone = fl_arc_clone(shared);
        if (fl_spawn(&handles[started], increment, clone) != FL_OK) {
            fprintf(stderr, "spawn failed\n");
            break;
        }
    }
    return started;
}

int main(void) {
    fl_arc *shared = fl_arc_new(sizeof(struct counter), counter_drop);
    if (shared == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    struct counter *counter = fl_arc_get(shared);
    if (fl_mutex_init(&counter->lock) != FL_OK) {
        fprintf(stderr, "mutex init failed\n");
        return 1;
    }

    fl_thread *handles[THREADS];
    size_t started = spawn_incrementers(shared, handles);
    int ok = started == THREADS;
    for (size_t i = 0; i < started; i++)
        ok = fl_join(handles[i], NULL) == FL_OK && ok;

    fl_mutex_lock(&counter->lock);
    printf("Result: %d\n", counter->value);
    fl_mutex_unlock(&counter->lock);
    fl_arc_drop(shared);
    return ok ? 0 : 1;
}
