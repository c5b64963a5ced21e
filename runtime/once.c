/* once.c: the first caller runs fn while later callers park until it is done. */
#include <fearless/once.h>

#include "park.h"

enum { NEW = 0, RUNNING = 1, RUNNING_WAITED = 2, DONE = 3 };

void fl_once_call(fl_once *o, void (*fn)(void)) {
    if (o == NULL || fn == NULL)
        return;
    if (atomic_load_explicit(&o->state, memory_order_acquire) == DONE)
        return;
    uint32_t state = NEW;
    if (atomic_compare_exchange_strong_explicit(&o->state, &state, RUNNING, memory_order_acquire,
                                                memory_order_acquire)) {
        fn();
        if (atomic_exchange_explicit(&o->state, DONE, memory_order_release) == RUNNING_WAITED)
            fl_unpark_all(&o->state);
        return;
    }
    while (state != DONE) {
        /* Announce a waiter so the runner knows to wake us, then sleep. */
        if (state == RUNNING &&
            !atomic_compare_exchange_strong_explicit(&o->state, &state, RUNNING_WAITED,
                                                     memory_order_acquire, memory_order_acquire))
            continue;
        fl_park(&o->state, RUNNING_WAITED, NULL);
        state = atomic_load_explicit(&o->state, memory_order_acquire);
    }
}
