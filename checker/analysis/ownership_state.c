/* The ownership lattice: facts per path, joined pointwise (moved on both sides: moved; on
 * one side: maybe moved), aliases intersected (must-alias). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/ownership_state.h"
#include "support/memory.h"

struct own_state *own_state_new(bool reached)
{
    struct own_state *state = checked_alloc(calloc(1, sizeof *state));
    state->reached = reached;
    return state;
}

struct own_state *own_state_copy(const struct own_state *state)
{
    struct own_state *copy = own_state_new(state->reached);
    copy->facts = grow_array(NULL, &copy->fact_capacity, state->fact_count, sizeof *copy->facts);
    if (state->fact_count)
        memcpy(copy->facts, state->facts, state->fact_count * sizeof *copy->facts);
    copy->fact_count = state->fact_count;
    copy->aliases = grow_array(NULL, &copy->alias_capacity, state->alias_count, sizeof *copy->aliases);
    if (state->alias_count)
        memcpy(copy->aliases, state->aliases, state->alias_count * sizeof *copy->aliases);
    copy->alias_count = state->alias_count;
    return copy;
}

void own_state_free(struct own_state *state)
{
    if (!state)
        return;
    free(state->facts);
    free(state->aliases);
    free(state);
}

struct move_fact *own_find(struct own_state *state, const struct path *path)
{
    for (unsigned i = 0; i < state->fact_count; i++)
        if (path_equal(state->facts[i].path, path))
            return &state->facts[i];
    return NULL;
}

void own_add(struct own_state *state, const struct move_fact *fact)
{
    struct move_fact *old = own_find(state, fact->path);
    if (old) {
        *old = *fact;
        return;
    }
    state->facts = grow_array(state->facts, &state->fact_capacity, state->fact_count + 1,
                        sizeof *state->facts);
    state->facts[state->fact_count++] = *fact;
}

void own_remove_at(struct own_state *state, unsigned index)
{
    state->facts[index] = state->facts[--state->fact_count];
}

void own_forget_within(struct own_state *state, const struct path *path)
{
    for (unsigned i = state->fact_count; i-- > 0;)
        if (path_within(state->facts[i].path, path))
            own_remove_at(state, i);
    for (unsigned i = state->alias_count; i-- > 0;) {
        const struct move_alias *alias = &state->aliases[i];
        if (path_within(alias->copy, path) || path_within(alias->source, path))
            state->aliases[i] = state->aliases[--state->alias_count];
    }
}

void own_add_alias(struct own_state *state, const struct path *copy, const struct path *source)
{
    for (unsigned i = 0; i < state->alias_count; i++)
        if (path_equal(state->aliases[i].copy, copy) &&
            path_equal(state->aliases[i].source, source))
            return;
    state->aliases = grow_array(state->aliases, &state->alias_capacity, state->alias_count + 1,
                          sizeof *state->aliases);
    state->aliases[state->alias_count++] = (struct move_alias){copy, source};
}

bool own_trackable(const struct path *path)
{
    if (!path || !path->root)
        return false;
    for (unsigned i = 0; i < path->step_count; i++) {
        const struct step *step = &path->steps[i];
        if (step->kind != STEP_FIELD && step->index == INDEX_UNKNOWN)
            return false;
    }
    return true;
}

static bool same_condition(const struct move_fact *a, const struct move_fact *b)
{
    return a->has_condition && b->has_condition && a->temp == b->temp &&
           a->when_equal == b->when_equal && a->value == b->value &&
           a->result_var == b->result_var;
}

/* Merges one fact present on both sides. Returns true when `into` changed. */
static bool join_fact(struct move_fact *into, const struct move_fact *from)
{
    bool changed = false;
    if (!into->origin.callee && from->origin.callee) { /* prefer a real move to a NULL test */
        into->origin = from->origin;
        into->origin_block = from->origin_block;
        into->origin_index = from->origin_index;
        changed = true;
    }
    if (into->kind == FACT_MOVED && from->kind != FACT_MOVED) {
        into->kind = FACT_MAYBE;
        changed = true;
    }
    if (into->has_condition && !same_condition(into, from)) {
        into->has_condition = false;
        changed = true;
    }
    return changed;
}

static bool join_aliases(struct own_state *into, const struct own_state *from)
{
    bool changed = false;
    for (unsigned i = into->alias_count; i-- > 0;) {
        bool found = false;
        for (unsigned j = 0; j < from->alias_count && !found; j++)
            found = path_equal(into->aliases[i].copy, from->aliases[j].copy) &&
                    path_equal(into->aliases[i].source, from->aliases[j].source);
        if (!found) {
            into->aliases[i] = into->aliases[--into->alias_count];
            changed = true;
        }
    }
    return changed;
}

bool own_state_join(struct own_state *into, const struct own_state *from)
{
    if (!from->reached)
        return false;
    if (!into->reached) {
        struct own_state *copy = own_state_copy(from);
        free(into->facts);
        free(into->aliases);
        *into = *copy;
        free(copy);
        return true;
    }
    bool changed = false;
    for (unsigned i = 0; i < into->fact_count; i++) {
        struct move_fact *fact = &into->facts[i];
        struct move_fact *other = own_find((struct own_state *)from, fact->path);
        if (other) {
            changed |= join_fact(fact, other);
        } else if (fact->kind != FACT_MAYBE) {
            fact->kind = FACT_MAYBE;
            changed = true;
        }
    }
    for (unsigned i = 0; i < from->fact_count; i++) {
        if (own_find(into, from->facts[i].path))
            continue;
        struct move_fact fact = from->facts[i];
        fact.kind = FACT_MAYBE;
        own_add(into, &fact);
        changed = true;
    }
    changed |= join_aliases(into, from);
    return changed;
}
