/* The ownership lattice (internal to analysis/ownership*.c): per path, moved or maybe
 * moved, with the move's origin and the condition that can still undo it (MOVED_IF, a
 * spawn or realloc whose result is tested later); plus must-aliases from pointer copies. */
#ifndef FEARLESS_ANALYSIS_OWNERSHIP_STATE_H
#define FEARLESS_ANALYSIS_OWNERSHIP_STATE_H

#include <stdbool.h>

#include "analysis/ownership.h"

enum fact_kind { FACT_MOVED, FACT_MAYBE };

struct move_fact {
    const struct path *path;
    enum fact_kind kind;
    struct move_origin origin;
    unsigned origin_block, origin_index;   /* RPO position: finds "previous iteration" */
    /* Pending condition: moved iff (result == value) == when_equal. */
    bool has_condition;
    bool when_equal;
    long long value;
    unsigned temp;                          /* the call's result temp */
    const struct var *result_var;           /* a variable the result was stored in */
};

/* `copy` holds the same pointer as `source` (q = p). */
struct move_alias {
    const struct path *copy, *source;
};

struct own_state {
    bool reached;
    unsigned fact_count, fact_capacity;
    struct move_fact *facts;
    unsigned alias_count, alias_capacity;
    struct move_alias *aliases;
};

struct own_state *own_state_new(bool reached);
struct own_state *own_state_copy(const struct own_state *state);
void own_state_free(struct own_state *state);
bool own_state_join(struct own_state *into, const struct own_state *from);

struct move_fact *own_find(struct own_state *state, const struct path *path);
void own_add(struct own_state *state, const struct move_fact *fact);
void own_remove_at(struct own_state *state, unsigned index);
/* Forgets facts and aliases about `path` and everything inside it (a write revives). */
void own_forget_within(struct own_state *state, const struct path *path);
void own_add_alias(struct own_state *state, const struct path *copy, const struct path *source);

/* Paths the analysis tracks: no unknown index (p[i], a[i] are "some element"). */
bool own_trackable(const struct path *path);

#endif
