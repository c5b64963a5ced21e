/* The threads lattice. Records join per spawn site: running on both sides stays running;
 * running on one side and joined on the other is "maybe" (an array summary counts as
 * joined: its join loop is assumed to run as often as its spawn loop); a record absent on
 * one side (not spawned there) is neutral. Address aliases are intersected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/threads_state.h"
#include "support/memory.h"

struct thr_state *thr_state_new(bool reached)
{
    struct thr_state *state = checked_alloc(calloc(1, sizeof *state));
    state->reached = reached;
    return state;
}

struct thr_state *thr_state_copy(const struct thr_state *state)
{
    struct thr_state *copy = thr_state_new(state->reached);
    copy->recs = grow_array(NULL, &copy->rec_capacity, state->rec_count, sizeof *copy->recs);
    if (state->rec_count)
        memcpy(copy->recs, state->recs, state->rec_count * sizeof *copy->recs);
    copy->rec_count = state->rec_count;
    copy->aliases = grow_array(NULL, &copy->alias_capacity, state->alias_count, sizeof *copy->aliases);
    if (state->alias_count)
        memcpy(copy->aliases, state->aliases, state->alias_count * sizeof *copy->aliases);
    copy->alias_count = state->alias_count;
    copy->held_count = state->held_count;
    memcpy(copy->held, state->held, sizeof copy->held);
    return copy;
}

void thr_state_free(struct thr_state *state)
{
    if (!state)
        return;
    free(state->recs);
    free(state->aliases);
    free(state);
}

struct thread_rec *thr_find(struct thr_state *state, const struct inst *spawn)
{
    for (unsigned i = 0; i < state->rec_count; i++)
        if (state->recs[i].spawn == spawn)
            return &state->recs[i];
    return NULL;
}

void thr_put(struct thr_state *state, const struct thread_rec *rec)
{
    struct thread_rec *old = thr_find(state, rec->spawn);
    if (old) {
        *old = *rec;
        return;
    }
    state->recs = grow_array(state->recs, &state->rec_capacity, state->rec_count + 1,
                       sizeof *state->recs);
    state->recs[state->rec_count++] = *rec;
}

void thr_remove_at(struct thr_state *state, unsigned index)
{
    memmove(&state->recs[index], &state->recs[index + 1],
            (state->rec_count - index - 1) * sizeof *state->recs);
    state->rec_count--;
}

const struct path *thr_alias_of(const struct thr_state *state, const struct var *pointer)
{
    for (unsigned i = 0; i < state->alias_count; i++)
        if (state->aliases[i].pointer == pointer)
            return state->aliases[i].object;
    return NULL;
}

void thr_set_alias(struct thr_state *state, const struct var *pointer, const struct path *object)
{
    for (unsigned i = 0; i < state->alias_count; i++)
        if (state->aliases[i].pointer == pointer) {
            if (object)
                state->aliases[i].object = object;
            else
                state->aliases[i] = state->aliases[--state->alias_count];
            return;
        }
    if (!object)
        return;
    state->aliases = grow_array(state->aliases, &state->alias_capacity, state->alias_count + 1,
                          sizeof *state->aliases);
    state->aliases[state->alias_count++] = (struct address_alias){pointer, object};
}

bool thr_running(const struct thread_rec *rec)
{
    return rec->status != RUN_JOINED;
}

static bool join_status(struct thread_rec *into, const struct thread_rec *from,
                        const struct edge *edge)
{
    if (into->status == from->status)
        return false;
    enum run_status status;
    if (into->array && (into->status == RUN_JOINED || from->status == RUN_JOINED))
        status = RUN_JOINED;
    else
        status = RUN_MAYBE;
    if (from->status == RUN_YES && !into->has_skip) {
        into->has_skip = true;
        into->skip = from->has_branch ? from->branch : edge->from->terminator.range;
    } else if (into->status == RUN_YES && into->has_branch && !into->has_skip) {
        into->has_skip = true;
        into->skip = into->branch;
    } else if (from->has_skip && !into->has_skip) {
        into->has_skip = true;
        into->skip = from->skip;
    }
    if (status == into->status)
        return false;
    into->status = status;
    return true;
}

static bool join_rec(struct thread_rec *into, const struct thread_rec *from,
                     const struct edge *edge)
{
    bool changed = join_status(into, from, edge);
#define JOIN_FLAG(field)                 \
    if (from->field && !into->field) {   \
        into->field = true;              \
        changed = true;                  \
    }
    JOIN_FLAG(handle_escaped)
    JOIN_FLAG(attr_unknown)
    JOIN_FLAG(not_sync)
#undef JOIN_FLAG
    if (from->detached && !into->detached) {
        into->detached = true;
        into->detach = from->detach;
        changed = true;
    }
    if (into->lent && !from->lent) {
        into->lent = NULL;
        changed = true;
    }
    if (into->has_condition &&
        (!from->has_condition || from->result_var != into->result_var)) {
        into->has_condition = false;
        changed = true;
    }
    return changed;
}

static bool join_aliases(struct thr_state *into, const struct thr_state *from)
{
    bool changed = false;
    for (unsigned i = into->alias_count; i-- > 0;) {
        const struct path *other = thr_alias_of(from, into->aliases[i].pointer);
        if (!other || !path_equal(other, into->aliases[i].object)) {
            into->aliases[i] = into->aliases[--into->alias_count];
            changed = true;
        }
    }
    return changed;
}

bool thr_state_join(struct thr_state *into, const struct thr_state *from, const struct edge *edge)
{
    if (!from->reached)
        return false;
    if (!into->reached) {
        struct thr_state *copy = thr_state_copy(from);
        free(into->recs);
        free(into->aliases);
        *into = *copy;
        free(copy);
        return true;
    }
    bool changed = false;
    for (unsigned i = 0; i < from->rec_count; i++) {
        struct thread_rec *mine = thr_find(into, from->recs[i].spawn);
        if (mine) {
            changed |= join_rec(mine, &from->recs[i], edge);
        } else {
            thr_put(into, &from->recs[i]);
            changed = true;
        }
    }
    changed |= join_aliases(into, from);
    for (unsigned i = 0; i < from->held_count; i++) {
        bool found = false;
        for (unsigned j = 0; j < into->held_count && !found; j++)
            found = into->held[j].address == from->held[i].address &&
                    path_equal(into->held[j].path, from->held[i].path);
        if (!found && into->held_count < THREAD_MAX_HELD) {
            into->held[into->held_count++] = from->held[i];
            changed = true;
        }
    }
    return changed;
}
