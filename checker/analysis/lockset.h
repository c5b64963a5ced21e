/* The lockset analysis: one flow-sensitive dataflow per function over the lock lattice
 * (lock_state.h), run once and cached; all nine lock checks read its findings.
 *
 * Effects come from contracts (model.h: EFFECT_* of the callee, resolved at the call by
 * substituting arguments), trylocks split on the branch testing their result, RETURNS_GUARD
 * pointers go stale at the release. lockset_summarize() infers acquire/release/trylock/
 * excludes effects of unannotated functions bottom-up (origin INFERRED). */
#ifndef FEARLESS_ANALYSIS_LOCKSET_H
#define FEARLESS_ANALYSIS_LOCKSET_H

#include <stdbool.h>

#include "checks/check.h"
#include "ir/ir.h"

enum lock_event_kind {
    LOCK_EVENT_UNGUARDED,        /* access to guarded data without its lock */
    LOCK_EVENT_REQUIRED,         /* call needing a lock that is not held */
    LOCK_EVENT_EXCLUDED,         /* call excluding (or itself taking) a held lock */
    LOCK_EVENT_DOUBLE,           /* acquiring a held lock */
    LOCK_EVENT_NOT_HELD,         /* releasing a lock that is not held */
    LOCK_EVENT_LEAKED,           /* return with a lock still held */
    LOCK_EVENT_GUARD_AFTER_UNLOCK
};

struct lock_event {
    enum lock_event_kind kind;
    struct source_range range;       /* the access, call or return */
    const struct path *lock;         /* as written at the site */
    const struct path *access;       /* UNGUARDED: the data; GUARD: the pointer used */
    const struct field_info *guard_field; /* UNGUARDED: the field (or global) declaring it */
    const struct function_info *callee;   /* call events */
    bool write;                      /* UNGUARDED: a write */
    bool need_exclusive;             /* UNGUARDED, REQUIRED: exclusive needed */
    bool held_shared;                /* held, but only shared */
    bool maybe;                      /* held / not held on some paths only */
    bool inferred;                   /* the callee's effect was inferred from its body */
    bool some_paths;                 /* NOT_HELD: already released on some paths only */
    bool has_acquired, has_released;
    struct source_range acquired;    /* where the lock was taken (first) */
    struct source_range released;    /* where it was released */
    struct source_range other;       /* GUARD: where the pointer was obtained */
};

/* A shared-data access, for data-race: the locks held on every path reaching it. */
struct lock_access {
    const struct path *path;         /* canonical */
    const struct path *shown;        /* as written */
    bool write;
    struct source_range range;
    unsigned held_count;
    const struct path **held;        /* canonical */
    const struct block *block;       /* where: for "before the first spawn" questions */
    unsigned inst_index;
};

/* `second` acquired while `first` was held on every path: for lock-order. */
struct lock_pair {
    const struct path *first, *second;   /* canonical */
    const struct path *first_shown, *second_shown;
    struct source_range first_site, second_site;
};

/* A call to a function defined in the TU, with the locks held on every path to it: the
 * callee inherits them (data-race's interprocedural locksets). */
struct lock_callsite {
    const struct inst *inst;
    unsigned held_count;
    const struct path **held;        /* canonical, in the caller */
};

struct lockset_result {
    const struct ir_function *function;
    bool skipped;                    /* NO_THREAD_SAFETY_ANALYSIS: no findings */
    unsigned event_count;
    struct lock_event *events;
    unsigned access_count;
    struct lock_access *accesses;
    unsigned pair_count;
    struct lock_pair *pairs;
    unsigned callsite_count;
    struct lock_callsite *callsites;
};

/* The cached analysis of one function (computed on first use). */
const struct lockset_result *lockset_of(struct check_context *context,
                                        const struct ir_function *function);
/* The summarize hook shared by every lock check (idempotent per function). */
void lockset_summarize(struct check_context *context, struct ir_function *function);

/* Is this lock possibly recursive in this TU (a recursive type, or the TU sets the
 * recursive mutex attribute somewhere)? Double-lock and self-deadlock stay quiet then. */
bool lockset_lock_may_recurse(struct check_context *context, const struct path *lock);

/* "a->mu" */
const char *lockset_name(struct check_context *context, const struct path *path);

#endif
