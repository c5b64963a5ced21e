/* The lockset lattice (see lock_state.h). States are malloc'd: the dataflow engine copies
 * and frees them freely, and they never outlive one function's analysis. */
#include "analysis/lock_state.h"
#include "support/memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lock_state *lock_state_new(bool reached)
{
    struct lock_state *state = checked_alloc(calloc(1, sizeof *state));
    state->reached = reached;
    return state;
}

static void *copy_array(const void *array, unsigned count, size_t element, unsigned *capacity)
{
    *capacity = count;
    if (count == 0)
        return NULL;
    void *copy = checked_alloc(malloc(count * element));
    memcpy(copy, array, count * element);
    return copy;
}

struct lock_state *lock_state_copy(const struct lock_state *state)
{
    struct lock_state *copy = lock_state_new(state->reached);
    copy->fact_count = state->fact_count;
    copy->facts = copy_array(state->facts, state->fact_count, sizeof *state->facts,
                             &copy->fact_capacity);
    copy->try_count = state->try_count;
    copy->tries = copy_array(state->tries, state->try_count, sizeof *state->tries,
                             &copy->try_capacity);
    copy->guard_count = state->guard_count;
    copy->guards = copy_array(state->guards, state->guard_count, sizeof *state->guards,
                              &copy->guard_capacity);
    return copy;
}

void lock_state_free(struct lock_state *state)
{
    if (!state)
        return;
    free(state->facts);
    free(state->tries);
    free(state->guards);
    free(state);
}

struct lock_fact *lock_state_find(struct lock_state *state, const struct path *lock)
{
    for (unsigned i = 0; i < state->fact_count; i++)
        if (path_equal(state->facts[i].lock, lock))
            return &state->facts[i];
    return NULL;
}

struct lock_fact *lock_state_touch(struct lock_state *state, const struct path *lock)
{
    struct lock_fact *fact = lock_state_find(state, lock);
    if (fact)
        return fact;
    state->facts = grow_array(state->facts, &state->fact_capacity, state->fact_count + 1,
                        sizeof *state->facts);
    fact = &state->facts[state->fact_count++];
    memset(fact, 0, sizeof *fact);
    fact->lock = lock;
    fact->mask = LS_UNTOUCHED;
    return fact;
}

unsigned lock_state_mask(const struct lock_state *state, const struct path *lock)
{
    struct lock_fact *fact = lock_state_find((struct lock_state *)state, lock);
    return fact ? fact->mask : LS_UNTOUCHED;
}

/* Merges one fact into `into`; true when something changed. Sites: the first one known
 * wins, so notes stay stable across iterations. */
static bool join_fact(struct lock_fact *into, const struct lock_fact *from)
{
    bool changed = false;
    unsigned mask = into->mask | from->mask;
    if (mask != into->mask) {
        into->mask = mask;
        changed = true;
    }
    if (!into->has_acquired && from->has_acquired) {
        into->has_acquired = true;
        into->acquired = from->acquired;
        changed = true;
    }
    if (!into->has_released && from->has_released) {
        into->has_released = true;
        into->released = from->released;
        changed = true;
    }
    if (from->by_contract && !into->by_contract) {
        into->by_contract = true;
        changed = true;
    }
    if (from->released_callers && !into->released_callers) {
        into->released_callers = true;
        changed = true;
    }
    return changed;
}

static bool join_facts(struct lock_state *into, const struct lock_state *from)
{
    bool changed = false;
    for (unsigned i = 0; i < into->fact_count; i++)
        if (!lock_state_find((struct lock_state *)from, into->facts[i].lock) &&
            !(into->facts[i].mask & LS_UNTOUCHED)) {
            into->facts[i].mask |= LS_UNTOUCHED;
            changed = true;
        }
    for (unsigned i = 0; i < from->fact_count; i++) {
        const struct lock_fact *theirs = &from->facts[i];
        struct lock_fact *mine = lock_state_find(into, theirs->lock);
        if (!mine) {
            mine = lock_state_touch(into, theirs->lock);
            *mine = *theirs;
            mine->mask |= LS_UNTOUCHED;
            changed = true;
        } else {
            changed |= join_fact(mine, theirs);
        }
    }
    return changed;
}

static bool same_key(unsigned temp_a, const struct var *var_a, unsigned temp_b,
                     const struct var *var_b)
{
    return var_a == var_b && (var_a || temp_a == temp_b);
}

/* Pending trylocks and guards: union (a test on one path still refines that path). */
static bool join_tries(struct lock_state *into, const struct lock_state *from)
{
    bool changed = false;
    for (unsigned i = 0; i < from->try_count; i++) {
        const struct pending_try *theirs = &from->tries[i];
        bool found = false;
        for (unsigned j = 0; j < into->try_count && !found; j++)
            found = same_key(into->tries[j].temp, into->tries[j].var, theirs->temp,
                             theirs->var) && path_equal(into->tries[j].lock, theirs->lock);
        if (!found) {
            lock_state_add_try(into, theirs);
            changed = true;
        }
    }
    return changed;
}

static bool join_guards(struct lock_state *into, const struct lock_state *from)
{
    bool changed = false;
    for (unsigned i = 0; i < from->guard_count; i++) {
        const struct guard_pointer *theirs = &from->guards[i];
        struct guard_pointer *mine = NULL;
        for (unsigned j = 0; j < into->guard_count && !mine; j++)
            if (same_key(into->guards[j].temp, into->guards[j].var, theirs->temp, theirs->var))
                mine = &into->guards[j];
        if (!mine) {
            lock_state_add_guard(into, theirs);
            changed = true;
        } else if (theirs->dangling && !mine->dangling) {
            mine->dangling = true;
            mine->released = theirs->released;
            changed = true;
        }
    }
    return changed;
}

bool lock_state_join(struct lock_state *into, const struct lock_state *from)
{
    if (!from->reached)
        return false;
    if (!into->reached) {
        struct lock_state *copy = lock_state_copy(from);
        free(into->facts);
        free(into->tries);
        free(into->guards);
        *into = *copy;
        free(copy);
        return true;
    }
    bool changed = join_facts(into, from);
    changed |= join_tries(into, from);
    changed |= join_guards(into, from);
    return changed;
}

void lock_state_add_try(struct lock_state *state, const struct pending_try *pending)
{
    state->tries = grow_array(state->tries, &state->try_capacity, state->try_count + 1,
                        sizeof *state->tries);
    state->tries[state->try_count++] = *pending;
}

struct pending_try *lock_state_find_try(struct lock_state *state, const struct value *tested)
{
    for (unsigned i = state->try_count; i-- > 0;) {
        struct pending_try *pending = &state->tries[i];
        if (tested->kind == VALUE_TEMP && !pending->var && pending->temp == tested->temp)
            return pending;
        if (tested->kind == VALUE_LOAD && pending->var && tested->path &&
            tested->path->step_count == 0 && tested->path->root == pending->var)
            return pending;
    }
    return NULL;
}

void lock_state_forget_var(struct lock_state *state, const struct var *var)
{
    unsigned kept = 0;
    for (unsigned i = 0; i < state->try_count; i++)
        if (state->tries[i].var != var)
            state->tries[kept++] = state->tries[i];
    state->try_count = kept;
    kept = 0;
    for (unsigned i = 0; i < state->guard_count; i++)
        if (state->guards[i].var != var)
            state->guards[kept++] = state->guards[i];
    state->guard_count = kept;
}

void lock_state_add_guard(struct lock_state *state, const struct guard_pointer *guard)
{
    state->guards = grow_array(state->guards, &state->guard_capacity, state->guard_count + 1,
                         sizeof *state->guards);
    state->guards[state->guard_count++] = *guard;
}

enum try_outcome lock_try_outcome(enum compare compare, long long constant, bool holds,
                                  long long success)
{
    enum compare known = holds ? compare : compare_negate(compare);
    if (!compare_holds(success, known, constant))
        return TRY_FAILED;
    if (known == COMPARE_EQ)
        return TRY_ACQUIRED;
    /* `if (trylock())` with success true: the result is a boolean. */
    if (known == COMPARE_NE && constant == 0 && success != 0)
        return TRY_ACQUIRED;
    /* pthread style (0 = acquired, errors are positive): `rc <= 0`, `rc < 1`. */
    if (success == 0 && ((known == COMPARE_LE && constant == 0) ||
                         (known == COMPARE_LT && constant == 1)))
        return TRY_ACQUIRED;
    return TRY_UNKNOWN;
}
