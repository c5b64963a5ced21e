/* rc.c: reference-counted data for one thread: a plain counter, no atomics. */
#include <fearless/rc.h>

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

struct fl_rc {
    size_t count;
    void (*drop)(void *data);
    alignas(max_align_t) unsigned char data[];
};

fl_rc *fl_rc_new(size_t size, void (*drop)(void *data)) {
    if (size > SIZE_MAX - sizeof(struct fl_rc))
        return NULL;
    fl_rc *r = calloc(1, sizeof *r + size);
    if (r == NULL)
        return NULL;
    r->count = 1;
    r->drop = drop;
    return r;
}

void *fl_rc_get(fl_rc *r) {
    return r == NULL ? NULL : r->data;
}

fl_rc *fl_rc_clone(fl_rc *r) {
    if (r != NULL)
        r->count++;
    return r;
}

void fl_rc_drop(fl_rc *r) {
    if (r == NULL || --r->count != 0)
        return;
    if (r->drop != NULL)
        r->drop(r->data);
    free(r);
}

size_t fl_rc_count(fl_rc *r) {
    return r == NULL ? 0 : r->count;
}
