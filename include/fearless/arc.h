/* arc.h: atomically reference-counted shared data (std::sync::Arc). */
#ifndef FEARLESS_ARC_H
#define FEARLESS_ARC_H

#include <fearless.h>
#include <stddef.h>

typedef struct SEND SYNC fl_arc fl_arc;

/* size bytes of zeroed data; drop (may be NULL) runs on it when the last reference goes.
 * NULL when out of memory. */
fl_arc *fl_arc_new(size_t size, void (*drop)(void *data));
void *fl_arc_get(fl_arc *a);
fl_arc *fl_arc_clone(fl_arc *a); /* one more reference; returns a */
void fl_arc_drop(fl_arc *a MOVED);
size_t fl_arc_count(fl_arc *a);

#endif
