/* Threads: which threads a function spawns, what it lends or moves to them, and whether it
 * joins them before the lent objects die (E0373), touches lent objects while they run
 * (E0502/E0506), hands over NOT_SEND values or shares NOT_SYNC ones (E0277), or drops
 * handles (and returns from main) while threads still run.
 *
 * Spawns, joins and detaches come from contracts only (function_info.is_spawn,
 * params[].joins / .detaches). Handles are identified by lvalue path (`&t` spawns t, `t`
 * joins it); an array of handles (`&t[i]`) is one summary joined by any join of an
 * element (the spawn and join loops are assumed to run equally often). Scoped spawns
 * (fl_scope_spawn) have the scope as handle, and the scope's end joins it.
 *
 * One flow-sensitive run per function (cached); the thread checks read its findings. */
#ifndef FEARLESS_ANALYSIS_THREADS_H
#define FEARLESS_ANALYSIS_THREADS_H

#include <stdbool.h>

#include "checks/check.h"
#include "ir/ir.h"

enum thread_finding_kind {
    THREAD_ESCAPE,          /* borrow-escapes-thread */
    THREAD_CONFLICT_WRITE,  /* borrow-conflict: spawner writes a lent object */
    THREAD_CONFLICT_READ,   /* borrow-conflict: spawner reads what the thread writes */
    THREAD_CONFLICT_MOVE,   /* borrow-conflict: spawner frees/moves a lent object */
    THREAD_NOT_SEND,        /* not-send */
    THREAD_NOT_SYNC,        /* not-sync */
    THREAD_NOT_JOINED,      /* thread-not-joined: handle out of scope */
    THREAD_MAIN_RETURNS     /* thread-not-joined: main returns while it runs */
};

struct thread_finding {
    enum thread_finding_kind kind;
    struct source_range range;        /* primary location */
    struct source_range spawn;        /* the spawn call */
    struct source_range arg;          /* the argument handed to the thread */
    struct source_range end;          /* scope end / return (ESCAPE, NOT_JOINED, MAIN) */
    bool has_skip;                    /* a branch on which the join is skipped */
    struct source_range skip;
    bool has_other;                   /* NOT_SYNC: the other thread it is shared with */
    struct source_range other;
    bool detached;
    bool has_detach;
    struct source_range detach;
    bool maybe;                       /* joined on some paths only */
    bool shared_use;                  /* NOT_SYNC: a use by the spawner, not a 2nd thread */
    const char *object;               /* the lent/sent object, as written */
    const char *handle;               /* the handle, as written (may be NULL) */
    bool handle_array;                /* handle is an element of the array `handle` */
    const char *spawner;              /* callee name of the spawn ("pthread_create") */
    const char *thread_fn;            /* the thread entry function, or NULL */
    struct source_range thread_fn_decl;
    const char *type;                 /* NOT_SEND / NOT_SYNC: the type spelling */
    const char *culprit;              /* member chain that makes it fail, or NULL */
};

struct threads_result {
    unsigned count;
    struct thread_finding *findings;
};

const struct threads_result *threads_of(struct check_context *context,
                                        const struct ir_function *function);

/* Bottom-up inference: a TU function passing its parameter to a JOINS/DETACHES parameter
 * joins/detaches it too. */
void threads_summarize(struct check_context *context, struct ir_function *function);

/* Does the thread entry write through its argument (as its body in the TU shows; true
 * when the body is unknown)? */
bool threads_fn_writes_arg(const struct function_info *function);

/* Does the thread entry access (write, when `write`) the member of the object behind its
 * argument reached by `chain` (the steps after the object; none: the whole object)? Calls
 * handing the whole object to functions of the TU are followed. True when the thread
 * function is unknown; a member passed on (inside its object) to an unknown function counts
 * only when `strict`. */
bool threads_fn_accesses(const struct function_info *function, const struct step *chain,
                         unsigned chain_count, bool write, bool strict);

/* SEND / SYNC of the object a value of `type` hands over: pointers are followed to what
 * they point at (a `fl_rc *` hands over the fl_rc). */
bool threads_type_is_send(const struct type_info *type, const char **culprit);
bool threads_type_is_sync(const struct type_info *type, const char **culprit);

#endif
