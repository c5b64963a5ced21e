/* barrier.c: the last thread to arrive resets the count and bumps the generation; the
 * others park on the generation word until it changes. */
#include <fearless/barrier.h>

#include "park.h"

fl_status fl_barrier_init(fl_barrier *b, unsigned count) {
    if (b == NULL || count == 0)
        return FL_INVAL;
    b->count = count;
    atomic_init(&b->arrived, 0);
    atomic_init(&b->generation, 0);
    return FL_OK;
}

bool fl_barrier_wait(fl_barrier *b) {
    if (b == NULL)
        return false;
    /* Read the round before arriving: the round cannot end before we arrive. */
    uint32_t generation = atomic_load_explicit(&b->generation, memory_order_acquire);
    uint32_t arrived = atomic_fetch_add_explicit(&b->arrived, 1, memory_order_acq_rel) + 1;
    if (arrived == b->count) {
        atomic_store_explicit(&b->arrived, 0, memory_order_relaxed);
        atomic_fetch_add_explicit(&b->generation, 1, memory_order_release);
        fl_unpark_all(&b->generation);
        return true;
    }
    while (atomic_load_explicit(&b->generation, memory_order_acquire) == generation)
        fl_park(&b->generation, generation, NULL);
    return false;
}
