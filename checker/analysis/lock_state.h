/* The lockset lattice: for each lock a function touches, the set of states it may be in
 * on the paths reaching a point (a bit mask), so "held on every path" (must) and "held
 * on some path" (may) are both answered by one join (bitwise or). A lock absent from a
 * state is UNTOUCHED: neither taken nor released by this function so far. */
#ifndef FEARLESS_ANALYSIS_LOCK_STATE_H
#define FEARLESS_ANALYSIS_LOCK_STATE_H

#include <stdbool.h>

#include "diag/diag.h"
#include "ir/ir.h"

#define LS_UNTOUCHED 1u /* as at entry (the caller's business) */
#define LS_EXCL 2u      /* held exclusively */
#define LS_SHARED 4u    /* held shared (reader) */
#define LS_RELEASED 8u  /* released by this function */
#define LS_HELD (LS_EXCL | LS_SHARED)

struct lock_fact {
    const struct path *lock;    /* canonical lvalue of the lock object */
    unsigned mask;
    bool has_acquired, has_released;
    struct source_range acquired; /* where it was last taken (or the function, if by contract) */
    struct source_range released; /* where it was last released */
    bool by_contract;           /* held at entry because the contract says so */
    bool released_callers;      /* released while not taken here: the caller's lock */
    bool by_try;                /* taken by a trylock whose result was tested */
};

/* A trylock whose result has not been tested yet: keyed by the call's temp, or by the
 * variable the result was stored in. */
struct pending_try {
    unsigned temp;
    const struct var *var;      /* NULL until the result is stored */
    const struct path *lock;
    bool shared;
    long long success;
    unsigned mask_before;       /* the lock's mask before the call: restored on failure */
    bool checked;               /* a plain lock whose error result is tested (see below) */
    struct source_range site;
};

/* A pointer returned by a RETURNS_GUARD function: valid while `lock` is held. */
struct guard_pointer {
    unsigned temp;
    const struct var *var;      /* NULL until the result is stored */
    const struct path *lock;
    struct source_range taken;
    bool dangling;
    struct source_range released;
};

struct lock_state {
    bool reached;
    unsigned fact_count, fact_capacity;
    struct lock_fact *facts;
    unsigned try_count, try_capacity;
    struct pending_try *tries;
    unsigned guard_count, guard_capacity;
    struct guard_pointer *guards;
};

struct lock_state *lock_state_new(bool reached);
struct lock_state *lock_state_copy(const struct lock_state *state);
void lock_state_free(struct lock_state *state);
/* into := into JOIN from; true when into changed. */
bool lock_state_join(struct lock_state *into, const struct lock_state *from);

/* The fact for `lock`, or NULL (UNTOUCHED). */
struct lock_fact *lock_state_find(struct lock_state *state, const struct path *lock);
/* The fact for `lock`, created UNTOUCHED when absent. */
struct lock_fact *lock_state_touch(struct lock_state *state, const struct path *lock);
unsigned lock_state_mask(const struct lock_state *state, const struct path *lock);

static inline bool lock_mask_must_held(unsigned mask)
{
    return mask != 0 && (mask & ~LS_HELD) == 0;
}
static inline bool lock_mask_may_held(unsigned mask)
{
    return (mask & LS_HELD) != 0;
}
static inline bool lock_mask_must_exclusive(unsigned mask)
{
    return mask == LS_EXCL;
}

void lock_state_add_try(struct lock_state *state, const struct pending_try *pending);
struct pending_try *lock_state_find_try(struct lock_state *state, const struct value *tested);
void lock_state_forget_var(struct lock_state *state, const struct var *var);
void lock_state_add_guard(struct lock_state *state, const struct guard_pointer *guard);

/* What a branch edge tells about a trylock result. */
enum try_outcome { TRY_UNKNOWN, TRY_ACQUIRED, TRY_FAILED };
/* The edge where `result <compare> constant` is `holds`: did the trylock succeed?
 * success: the result meaning "acquired". A non-zero success tested against zero is read
 * as a boolean (`if (fl_mutex_trylock(&m))`). */
enum try_outcome lock_try_outcome(enum compare compare, long long constant, bool holds,
                                  long long success);

#endif
