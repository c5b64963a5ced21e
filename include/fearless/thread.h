/* thread.h: threads with join handles (std::thread) and scoped threads (thread::scope). */
#ifndef FEARLESS_THREAD_H
#define FEARLESS_THREAD_H

#include <fearless.h>
#include <fearless/mutex.h>
#include <fearless/status.h>

typedef struct fl_thread fl_thread; /* opaque join handle: join or detach it exactly once */
typedef void *(*fl_thread_fn)(void *arg);

/* Starts fn(arg) on a new thread; *handle receives the join handle. On FL_OK the thread
 * owns arg.
 * NULL handle/fn -> FL_INVAL; failure -> FL_NOMEM and arg stays with the caller. */
fl_status fl_spawn(fl_thread **handle, void *(*fn)(void *) THREAD_FN,
                   void *arg THREAD_ARG MOVED_IF(FL_OK));
/* Waits for the thread, stores its return value in *ret (ret may be NULL), frees the handle. */
fl_status fl_join(fl_thread *handle JOINS, void **ret);
/* Lets the thread run on its own; frees the handle. */
fl_status fl_detach(fl_thread *handle DETACHES);
void fl_sleep_ms(unsigned ms);
void fl_yield(void);

/* Scoped threads: they may borrow the spawner's data (arg is not moved) because
 * fl_scope_end joins every one of them before the borrowed data can go away. */
struct fl_scope_entry;
typedef struct fl_scope {
    fl_mutex lock;
    struct fl_scope_entry *threads GUARDED_BY(lock); /* spawned, not yet joined */
} fl_scope;

fl_status fl_scope_begin(fl_scope *scope);
fl_status fl_scope_spawn(fl_scope *scope, void *(*fn)(void *) THREAD_FN, void *arg THREAD_ARG);
fl_status fl_scope_end(fl_scope *scope JOINS); /* joins every thread of the scope */

#endif
