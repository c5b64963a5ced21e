/* Locks a function's caller always holds when calling it, within the TU: the intersection
 * over every call site of the caller's held locks (mapped through the arguments, so a
 * caller holding `c->mu` and passing `c` gives the callee `$c->mu`). Functions that may be
 * called from elsewhere (main, thread entries, functions whose address is taken, functions
 * without callers here) inherit nothing. For data-race, which must not blame a helper for
 * an access its callers protect. */
#ifndef FEARLESS_ANALYSIS_LOCK_INHERIT_H
#define FEARLESS_ANALYSIS_LOCK_INHERIT_H

#include "checks/check.h"

/* Held on entry to tu->functions[index]; canonical paths in that function. */
const struct path *const *lock_inherited(struct check_context *context, unsigned index,
                                         unsigned *count);

#endif
