/* Internal to analysis/threads*.c: the run context and helpers shared by the dataflow
 * (threads.c) and the access rules (threads_access.c). */
#ifndef FEARLESS_ANALYSIS_THREADS_INTERNAL_H
#define FEARLESS_ANALYSIS_THREADS_INTERNAL_H

#include "analysis/threads_state.h"

struct thr_context {
    struct check_context *check;
    const struct ir_function *function;
    unsigned count, capacity;
    struct thread_finding *findings;
};

/* A finding about `rec` (may be NULL), once per (kind, primary location); NULL when it was
 * reported already. */
struct thread_finding *threads_add_finding(struct thr_context *context,
                                           enum thread_finding_kind kind,
                                           struct source_range range,
                                           const struct thread_rec *rec);
const char *threads_name_of(struct thr_context *context, const struct path *path);
/* The type of a lent/sent object (`heap`: the object is what the pointer path points at). */
const struct type_info *threads_object_type(const struct path *object, bool heap);

/* A READ or WRITE by the spawner, checked against every running thread's lent object. */
void threads_access(struct thr_context *context, struct thr_state *state,
                    const struct block *block, const struct inst *inst, bool write, bool report);
/* A call freeing/moving an object lent to a running thread. */
void threads_moved_while_lent(struct thr_context *context, struct thr_state *state,
                              const struct inst *inst, bool report);
/* A call using a NOT_SYNC object lent to a running thread. */
void threads_shared_uses(struct thr_context *context, struct thr_state *state,
                         const struct inst *inst, bool report);
/* Acquire/release effects of a call on the spawner's held locks. */
void threads_lock_effects(struct thr_context *context, struct thr_state *state,
                          const struct call *call);

#endif
