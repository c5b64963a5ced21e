/* Lock identity: a lock is the lvalue of the lock object (`a->mu`, `g_mu`, `*m`).
 * Contracts name locks relative to where they sit (model.h: lock_path); these functions
 * turn them into concrete IR paths at a call site, at function entry, or next to a guarded
 * field, and map simple local pointer copies (`struct acct *b = a;`) to their source so
 * `b->mu` and `a->mu` are one lock. */
#ifndef FEARLESS_ANALYSIS_LOCK_PATHS_H
#define FEARLESS_ANALYSIS_LOCK_PATHS_H

#include <stdbool.h>

#include "ir/ir.h"
#include "model/model.h"

struct arena;
struct lock_aliases;

/* Locals written exactly once with a pointer copy (`b = a`, `p = &x`, `c = arg`), whose
 * source is not written in the function either. */
struct lock_aliases *lock_aliases_build(struct arena *arena, const struct ir_function *function);
/* `path` with aliased roots replaced by their sources (identity for comparisons). */
const struct path *lock_canonical(struct arena *arena, const struct lock_aliases *aliases,
                                  const struct path *path);

/* `lock` as named by the contract of `call->callee`, for this call's arguments. NULL when
 * it cannot be named (a lock reached through a call's result, arithmetic, ...). */
const struct path *lock_resolve_call(struct arena *arena, const struct lock_path *lock,
                                     const struct call *call);
/* `lock` as named by `function`'s own contract, in terms of its parameters. */
const struct path *lock_resolve_entry(struct arena *arena, const struct lock_path *lock,
                                      const struct ir_function *function);
/* A GUARDED_BY lock of a field of `object` (LOCK_BASE_SIBLING) or a global lock. */
const struct path *lock_resolve_sibling(struct arena *arena, const struct lock_path *lock,
                                        const struct path *object);

/* The contract form of a concrete lock in `function` (rooted at a parameter or a global),
 * for inferred effects; NULL when it is not expressible (a local lock, an index). */
struct lock_path *lock_path_from(struct arena *arena, const struct path *lock,
                                 const struct ir_function *function);

/* Does the path go through an array index that is not a constant? Two such locks may or
 * may not be the same object. */
bool lock_path_has_unknown_index(const struct path *lock);
/* The variable owning a lock: root of the path. */
bool lock_is_local(const struct path *lock);

#endif
