/* Shared between lockset.c (the run and its cache), lockset_transfer.c (the transfer
 * functions) and lockset_summary.c (contract inference). Not for checks. */
#ifndef FEARLESS_ANALYSIS_LOCKSET_INTERNAL_H
#define FEARLESS_ANALYSIS_LOCKSET_INTERNAL_H

#include "analysis/lock_paths.h"
#include "analysis/lock_state.h"
#include "analysis/lockset.h"

/* A growable array of fixed-size elements (malloc'd; copied to the arena at the end). */
struct lockset_vec {
    void *items;
    unsigned count, capacity;
};
void *lockset_vec_push(struct lockset_vec *vec, size_t element);
void *lockset_vec_to_arena(struct arena *arena, const struct lockset_vec *vec, size_t element);
void lockset_vec_free(struct lockset_vec *vec);

/* A return seen while summarizing: the state there and the value returned. */
struct lockset_return {
    struct lock_state *state;
    struct value value;
    struct source_range range;
};

struct lockset_run {
    struct check_context *check;
    const struct ir_function *function;
    struct lock_aliases *aliases;
    bool summarizing;          /* inference pass: no findings, collect returns */
    bool quiet;                /* NO_THREAD_SAFETY_ANALYSIS: track, but report nothing */
    unsigned expected_count;   /* locks the contract says are held at exit */
    const struct path **expected;
    struct lockset_vec events;    /* struct lock_event */
    struct lockset_vec accesses;  /* struct lock_access */
    struct lockset_vec pairs;     /* struct lock_pair */
    struct lockset_vec callsites; /* struct lock_callsite */
    struct lockset_vec returns;   /* struct lockset_return */
    struct lockset_vec taken;     /* const struct path *: locks acquired or excluded here */
    struct lockset_vec required;  /* struct lock_requirement: needed from the caller */
};

/* A lock a REQUIRES callee (or a condvar wait) needs where this function never touched it:
 * held by this function's caller, inferred as this function's REQUIRES. */
struct lock_requirement {
    const struct path *lock;
    bool exclusive;
};

void lockset_transfer_inst(void *context, void *state, const struct block *block,
                           const struct inst *inst, bool report);
void lockset_transfer_edge(void *context, void *state, const struct edge *edge, bool report);
void lockset_transfer_terminator(void *context, void *state, const struct block *block,
                                 bool report);

/* The entry state of `run->function` from its contract. */
struct lock_state *lockset_entry_state(struct lockset_run *run);

/* Fills in inferred effects of run->function from run->returns and run->taken. */
void lockset_infer_contract(struct lockset_run *run, struct ir_function *function);

/* Effects no contract can state: the lock is taken (or released) on some paths of the
 * callee only (`if (threaded) pthread_mutex_lock(&p->mu);`). Callers treat the lock as held
 * (released) on some paths: nothing is reported about it unless --strict. Kept per
 * function in the analysis cache. */
struct lockset_maybe {
    struct lock_path lock;
    bool release;              /* maybe released; else maybe acquired */
};
struct lockset_maybes {
    unsigned count;
    struct lockset_maybe *items;
};
void lockset_store_maybes(struct check_context *context, const struct ir_function *function,
                          struct lockset_maybes *maybes);
const struct lockset_maybes *lockset_maybes_of(struct check_context *context,
                                               const struct ir_function *function);

/* Canonical identity of a lock or data path in this run's function. */
const struct path *lockset_canonical(struct lockset_run *run, const struct path *path);

#endif
