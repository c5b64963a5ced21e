/* The lockset analysis: runs the dataflow engine over one function with the lock lattice,
 * caches the findings per function for the nine lock checks. */
#include "analysis/lockset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "analysis/lock_threads.h"
#include "analysis/lockset_internal.h"
#include "dataflow/dataflow.h"
#include "support/arena.h"
#include "support/memory.h"

/* ---- small vectors ------------------------------------------------------------------- */

void *lockset_vec_push(struct lockset_vec *vec, size_t element)
{
    if (vec->count == vec->capacity) {
        unsigned capacity = vec->capacity ? vec->capacity * 2 : 8;
        void *grown = checked_alloc(realloc(vec->items, capacity * element));
        vec->items = grown;
        vec->capacity = capacity;
    }
    void *slot = (char *)vec->items + vec->count++ * element;
    memset(slot, 0, element);
    return slot;
}

void *lockset_vec_to_arena(struct arena *arena, const struct lockset_vec *vec, size_t element)
{
    return vec->count ? arena_copy(arena, vec->items, vec->count * element) : NULL;
}

void lockset_vec_free(struct lockset_vec *vec)
{
    free(vec->items);
    memset(vec, 0, sizeof *vec);
}

/* ---- engine glue ----------------------------------------------------------------------- */

static void *op_entry(void *context, const struct ir_function *function)
{
    (void)function;
    return lockset_entry_state(context);
}

static void *op_bottom(void *context)
{
    (void)context;
    return lock_state_new(false);
}

static void *op_copy(void *context, const void *state)
{
    (void)context;
    return lock_state_copy(state);
}

static void op_release(void *context, void *state)
{
    (void)context;
    lock_state_free(state);
}

static bool op_join(void *context, void *into, const void *from, const struct edge *edge)
{
    (void)context;
    (void)edge;
    return lock_state_join(into, from);
}

static const struct dataflow_ops lockset_ops = {
    .entry_state = op_entry,
    .bottom_state = op_bottom,
    .copy = op_copy,
    .release = op_release,
    .join = op_join,
    .transfer_inst = lockset_transfer_inst,
    .transfer_edge = lockset_transfer_edge,
    .transfer_terminator = lockset_transfer_terminator,
};

const struct path *lockset_canonical(struct lockset_run *run, const struct path *path)
{
    return lock_canonical(run->check->arena, run->aliases, path);
}

/* ---- entry state from the function's own contract ------------------------------------------ */

static bool held_at_entry(enum lock_effect_kind kind, unsigned *mask)
{
    switch (kind) {
    case EFFECT_REQUIRES: case EFFECT_RELEASE: case EFFECT_WAIT:
        *mask = LS_EXCL;
        return true;
    case EFFECT_REQUIRES_SHARED: case EFFECT_RELEASE_SHARED:
        *mask = LS_SHARED;
        return true;
    case EFFECT_RELEASE_ANY:
        *mask = LS_EXCL | LS_SHARED;
        return true;
    default:
        return false;
    }
}

static bool held_at_exit(enum lock_effect_kind kind)
{
    return kind == EFFECT_ACQUIRE || kind == EFFECT_ACQUIRE_SHARED ||
           kind == EFFECT_TRY_ACQUIRE || kind == EFFECT_TRY_ACQUIRE_SHARED ||
           kind == EFFECT_REQUIRES || kind == EFFECT_REQUIRES_SHARED || kind == EFFECT_WAIT;
}

struct lock_state *lockset_entry_state(struct lockset_run *run)
{
    struct lock_state *state = lock_state_new(true);
    const struct function_info *info = run->function->info;
    if (!info || run->summarizing)
        return state;
    for (unsigned i = 0; i < info->effect_count; i++) {
        const struct lock_effect *effect = &info->effects[i];
        unsigned mask;
        if (!held_at_entry(effect->kind, &mask))
            continue;
        const struct path *lock = lock_resolve_entry(run->check->arena, &effect->lock,
                                                     run->function);
        if (!lock)
            continue;
        struct lock_fact *fact = lock_state_touch(state, lockset_canonical(run, lock));
        fact->mask = mask;
        fact->by_contract = true;
        fact->has_acquired = true;
        fact->acquired = run->function->range;
    }
    return state;
}

static void collect_expected(struct lockset_run *run)
{
    const struct function_info *info = run->function->info;
    if (!info || run->summarizing)
        return;
    run->expected = ARENA_ARRAY(run->check->arena, const struct path *, info->effect_count + 1);
    for (unsigned i = 0; i < info->effect_count; i++) {
        if (!held_at_exit(info->effects[i].kind))
            continue;
        const struct path *lock = lock_resolve_entry(run->check->arena, &info->effects[i].lock,
                                                     run->function);
        if (lock)
            run->expected[run->expected_count++] = lockset_canonical(run, lock);
    }
}

/* ---- running and caching ------------------------------------------------------------------ */

static void run_init(struct lockset_run *run, struct check_context *context,
                     const struct ir_function *function, bool summarizing)
{
    memset(run, 0, sizeof *run);
    run->check = context;
    run->function = function;
    run->summarizing = summarizing;
    run->quiet = function->info && function->info->no_thread_safety_analysis;
    run->aliases = lock_aliases_build(context->arena, function);
    collect_expected(run);
}

static void run_free(struct lockset_run *run)
{
    struct lockset_return *returns = run->returns.items;
    for (unsigned i = 0; i < run->returns.count; i++)
        lock_state_free(returns[i].state);
    lockset_vec_free(&run->events);
    lockset_vec_free(&run->accesses);
    lockset_vec_free(&run->pairs);
    lockset_vec_free(&run->callsites);
    lockset_vec_free(&run->returns);
    lockset_vec_free(&run->taken);
    lockset_vec_free(&run->required);
}

static void run_dataflow(struct lockset_run *run)
{
    if (!run->function->entry || run->function->block_count == 0)
        return;
    struct dataflow_result *result = dataflow_run(run->function, &lockset_ops, run);
    dataflow_result_free(result);
}

/* A lock held when returning on every path of a function that may be called as a lock
 * wrapper is its contract, even when no contract can name it (`&locks[hv % n]`): only
 * paths that disagree, local locks, and thread entries or main leaking are leaks. */
static bool returns_void(const struct ir_function *function)
{
    const struct type_info *type = function->info ? function->info->return_type : NULL;
    return !type || type->kind == TYPE_VOID;
}

/* A value an error path returns: NULL or a negative constant. */
static bool failure_value(const struct value *value)
{
    return value->kind == VALUE_NULL || (value->kind == VALUE_INTEGER && value->integer < 0);
}

static bool same_constant(const struct value *a, const struct value *b)
{
    bool a_null = a->kind == VALUE_NULL || (a->kind == VALUE_INTEGER && a->integer == 0);
    bool b_null = b->kind == VALUE_NULL || (b->kind == VALUE_INTEGER && b->integer == 0);
    if (a->kind == VALUE_INTEGER && b->kind == VALUE_INTEGER)
        return a->integer == b->integer;
    return a_null && b_null;
}

/* Held on the returns that look like success and released on the others, told apart by
 * the value (`return iter;` locked, `return NULL;` not): a conditional-acquire function
 * whose caller tests the result (`item_trylock`, `extstore_write_request`). */
static bool conditional_acquire(struct lockset_run *run, const struct path *lock)
{
    if (returns_void(run->function))
        return false;
    const struct lockset_return *returns = run->returns.items;
    for (unsigned r = 0; r < run->returns.count; r++) {
        if (!lock_mask_may_held(lock_state_mask(returns[r].state, lock)))
            continue;
        if (failure_value(&returns[r].value))
            return false;
        for (unsigned u = 0; u < run->returns.count; u++)
            if (!lock_mask_may_held(lock_state_mask(returns[u].state, lock)) &&
                same_constant(&returns[r].value, &returns[u].value))
                return false;
    }
    return true;
}

static bool leak_is_real(struct lockset_run *run, const struct lock_event *event)
{
    if (run->check->strict || run->function->is_main ||
        lock_threads_is_entry(run->check, run->function->info))
        return true;
    const struct lockset_return *returns = run->returns.items;
    bool released_somewhere = false;
    for (unsigned r = 0; r < run->returns.count; r++)
        released_somewhere |= !lock_mask_may_held(lock_state_mask(returns[r].state, event->lock));
    if (!released_somewhere)
        return lock_is_local(event->lock);
    return !conditional_acquire(run, event->lock);
}

static void drop_wrapper_leaks(struct lockset_run *run)
{
    struct lock_event *events = run->events.items;
    unsigned kept = 0;
    for (unsigned i = 0; i < run->events.count; i++)
        if (events[i].kind != LOCK_EVENT_LEAKED || leak_is_real(run, &events[i]))
            events[kept++] = events[i];
    run->events.count = kept;
}

static const char lockset_key;   /* the cache key: this file's analysis */
static const char summary_key;   /* per function: already summarized */
static const char recursion_key; /* per TU: the recursive-mutex flag */
static const char maybe_key;     /* per function: struct lockset_maybes */

static void no_release(void *value)
{
    (void)value;   /* results live in the TU's arena */
}

const struct lockset_result *lockset_of(struct check_context *context,
                                        const struct ir_function *function)
{
    const struct lockset_result *cached = analysis_cache_lookup(context->cache, &lockset_key,
                                                                function);
    if (cached)
        return cached;
    struct lockset_run run;
    run_init(&run, context, function, false);
    run_dataflow(&run);
    drop_wrapper_leaks(&run);
    struct lockset_result *result = ARENA_NEW(context->arena, struct lockset_result);
    result->function = function;
    result->skipped = run.quiet;
    result->event_count = run.events.count;
    result->events = lockset_vec_to_arena(context->arena, &run.events, sizeof(struct lock_event));
    result->access_count = run.accesses.count;
    result->accesses = lockset_vec_to_arena(context->arena, &run.accesses,
                                            sizeof(struct lock_access));
    result->pair_count = run.pairs.count;
    result->pairs = lockset_vec_to_arena(context->arena, &run.pairs, sizeof(struct lock_pair));
    result->callsite_count = run.callsites.count;
    result->callsites = lockset_vec_to_arena(context->arena, &run.callsites,
                                             sizeof(struct lock_callsite));
    run_free(&run);
    analysis_cache_store(context->cache, &lockset_key, function, result, no_release);
    return result;
}

void lockset_summarize(struct check_context *context, struct ir_function *function)
{
    if (analysis_cache_lookup(context->cache, &summary_key, function))
        return;
    analysis_cache_store(context->cache, &summary_key, function, (void *)&summary_key,
                         no_release);
    const struct function_info *info = function->info;
    /* Unannotated: no lock effect of its own (the origin field covers the whole contract,
     * which may hold ownership annotations). */
    if (!info || info->effect_count > 0 || info->no_thread_safety_analysis ||
        info->returns_guard)
        return;
    struct lockset_run run;
    run_init(&run, context, function, true);
    run_dataflow(&run);
    lockset_infer_contract(&run, function);
    run_free(&run);
}

void lockset_store_maybes(struct check_context *context, const struct ir_function *function,
                          struct lockset_maybes *maybes)
{
    analysis_cache_store(context->cache, &maybe_key, function, maybes, no_release);
}

const struct lockset_maybes *lockset_maybes_of(struct check_context *context,
                                               const struct ir_function *function)
{
    return analysis_cache_lookup(context->cache, &maybe_key, function);
}

/* ---- helpers for checks ------------------------------------------------------------------ */

static bool tu_sets_recursive_attribute(const struct ir_tu *tu)
{
    for (unsigned f = 0; f < tu->function_count; f++) {
        const struct ir_function *function = tu->functions[f];
        if (function->info && function->info->is_recursive_lock_init)
            return true;
        for (unsigned b = 0; b < function->block_count; b++) {
            const struct block *block = function->blocks[b];
            for (unsigned i = 0; i < block->inst_count; i++) {
                const struct call *call = &block->insts[i].call;
                if (block->insts[i].kind == INST_CALL && call->callee && call->callee->name &&
                    strcmp(call->callee->name, "pthread_mutexattr_settype") == 0)
                    return true;
            }
        }
    }
    return false;
}

bool lockset_lock_may_recurse(struct check_context *context, const struct path *lock)
{
    if (lock && lock->type && lock->type->lock == LOCK_RECURSIVE)
        return true;
    static const char yes = 1, no = 0;
    const char *flag = analysis_cache_lookup(context->cache, &recursion_key, NULL);
    if (!flag) {
        flag = tu_sets_recursive_attribute(context->tu) ? &yes : &no;
        analysis_cache_store(context->cache, &recursion_key, NULL, (void *)flag, no_release);
    }
    return *flag && lock && lock->type && lock->type->lock != LOCK_RWLOCK;
}

const char *lockset_name(struct check_context *context, const struct path *path)
{
    char buffer[256];
    if (!path)
        return "?";
    return arena_strdup(context->arena, path_format(path, buffer, sizeof buffer));
}
