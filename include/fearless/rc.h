/* rc.h: reference-counted data for one thread only (std::rc::Rc): not Send. */
#ifndef FEARLESS_RC_H
#define FEARLESS_RC_H

#include <fearless.h>
#include <stddef.h>

typedef struct NOT_SEND fl_rc fl_rc;

fl_rc *fl_rc_new(size_t size, void (*drop)(void *data)); /* zeroed; NULL on NOMEM */
void *fl_rc_get(fl_rc *r);
fl_rc *fl_rc_clone(fl_rc *r);
void fl_rc_drop(fl_rc *r MOVED);
size_t fl_rc_count(fl_rc *r);

#endif
