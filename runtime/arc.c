/* arc.c: atomically counted shared data. Increments are relaxed (a clone comes from a
 * live reference); the last decrement acquires so the drop sees every thread's writes. */
#include <fearless/arc.h>

#include <stdalign.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

/* UNSAFE_SYNC: count is atomic and drop is written once before the arc is shared; data
 * is the user's, who shares it only through types that are themselves safe to share. */
struct UNSAFE_SYNC fl_arc {
    _Atomic size_t count;
    void (*drop)(void *data);
    alignas(max_align_t) unsigned char data[];
};

fl_arc *fl_arc_new(size_t size, void (*drop)(void *data)) {
    if (size > SIZE_MAX - sizeof(struct fl_arc))
        return NULL;
    fl_arc *a = calloc(1, sizeof *a + size);
    if (a == NULL)
        return NULL;
    atomic_init(&a->count, 1);
    a->drop = drop;
    return a;
}

void *fl_arc_get(fl_arc *a) {
    return a == NULL ? NULL : a->data;
}

fl_arc *fl_arc_clone(fl_arc *a) {
    if (a != NULL)
        atomic_fetch_add_explicit(&a->count, 1, memory_order_relaxed);
    return a;
}

void fl_arc_drop(fl_arc *a) {
    if (a == NULL)
        return;
    if (atomic_fetch_sub_explicit(&a->count, 1, memory_order_release) != 1)
        return;
    atomic_thread_fence(memory_order_acquire);
    if (a->drop != NULL)
        a->drop(a->data);
    free(a);
}

size_t fl_arc_count(fl_arc *a) {
    return a == NULL ? 0 : atomic_load_explicit(&a->count, memory_order_acquire);
}
