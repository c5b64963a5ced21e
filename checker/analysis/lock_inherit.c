/* Inherited locksets (see lock_inherit.h). */
#include "analysis/lock_inherit.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "analysis/lock_threads.h"
#include "analysis/lockset.h"
#include "support/arena.h"

struct held_set {
    bool known;                 /* false: no caller seen yet (top) */
    bool fixed;                 /* may be called from outside: nothing inherited */
    unsigned count;
    const struct path **locks;
};

struct inherit {
    struct held_set *sets;      /* per function index */
};

static const char inherit_key;

static void mark_address_taken(struct check_context *context, const struct value *value,
                               struct held_set *sets)
{
    if (value->kind != VALUE_FUNCTION || !value->function || !value->function->body)
        return;
    int index = lock_function_index(context, value->function->body);
    if (index >= 0)
        sets[index].fixed = true;
}

/* Functions callable from outside the TU's direct calls inherit nothing. */
static void fix_roots(struct check_context *context, struct held_set *sets)
{
    const struct ir_tu *tu = context->tu;
    bool *called = calloc(tu->function_count + 1, sizeof *called);
    for (unsigned f = 0; f < tu->function_count; f++) {
        const struct ir_function *function = tu->functions[f];
        for (unsigned b = 0; b < function->block_count; b++) {
            const struct block *block = function->blocks[b];
            for (unsigned i = 0; i < block->inst_count; i++) {
                const struct inst *inst = &block->insts[i];
                if (inst->kind == INST_WRITE)
                    mark_address_taken(context, &inst->value, sets);
                if (inst->kind != INST_CALL)
                    continue;
                for (unsigned a = 0; a < inst->call.arg_count; a++)
                    mark_address_taken(context, &inst->call.args[a], sets);
                int callee = inst->call.callee && inst->call.callee->body
                                 ? lock_function_index(context, inst->call.callee->body) : -1;
                if (callee >= 0 && called)
                    called[callee] = true;
            }
        }
    }
    for (unsigned f = 0; f < tu->function_count; f++) {
        const struct ir_function *function = tu->functions[f];
        if (!called || !called[f] || function->is_main ||
            lock_threads_is_entry(context, function->info))
            sets[f].fixed = true;
        if (sets[f].fixed)
            sets[f].known = true;
    }
    free(called);
}

static bool has_prefix(struct arena *arena, const struct path *lock, const struct path *prefix)
{
    return lock->root == prefix->root && lock->step_count >= prefix->step_count &&
           path_equal(path_prefix(arena, lock, prefix->step_count), prefix);
}

static const struct path *rebase(struct arena *arena, const struct var *param,
                                 const struct path *lock, unsigned skip, bool deref)
{
    const struct path *path = path_of_var(arena, param);
    if (deref) {
        if (!param->type || param->type->kind != TYPE_POINTER)
            return NULL;
        path = path_append(arena, path, (struct step){.kind = STEP_DEREF,
                                                      .type = param->type->pointee});
    }
    for (unsigned i = skip; i < lock->step_count && path; i++)
        path = path_append(arena, path, lock->steps[i]);
    return path;
}

/* A caller's lock as the callee names it, or NULL. */
static const struct path *map_lock(struct arena *arena, const struct path *lock,
                                   const struct call *call, const struct ir_function *callee)
{
    if (lock->root && (lock->root->kind == VAR_GLOBAL || lock->root->kind == VAR_STATIC_LOCAL))
        return lock;
    for (unsigned i = 0; i < call->arg_count && i < callee->param_count; i++) {
        const struct value *arg = &call->args[i];
        if (!arg->path || arg->derived)
            continue;
        if (arg->kind == VALUE_LOAD && lock->step_count > arg->path->step_count &&
            has_prefix(arena, lock, arg->path))
            return rebase(arena, callee->params[i], lock, arg->path->step_count, false);
        if (arg->kind == VALUE_ADDRESS && has_prefix(arena, lock, arg->path))
            return rebase(arena, callee->params[i], lock, arg->path->step_count, true);
    }
    return NULL;
}

static bool contains(const struct path *const *locks, unsigned count, const struct path *lock)
{
    for (unsigned i = 0; i < count; i++)
        if (path_equal(locks[i], lock))
            return true;
    return false;
}

/* What one call site hands down: its held locks plus what its caller inherits. */
static unsigned handed_down(struct arena *arena, const struct lock_callsite *site,
                            const struct held_set *caller, const struct ir_function *callee,
                            const struct path **out)
{
    unsigned count = 0;
    for (unsigned i = 0; i < site->held_count + caller->count; i++) {
        const struct path *lock = i < site->held_count ? site->held[i]
                                                       : caller->locks[i - site->held_count];
        const struct path *mapped = map_lock(arena, lock, &site->inst->call, callee);
        if (mapped && !contains(out, count, mapped))
            out[count++] = mapped;
    }
    return count;
}

static void meet(struct arena *arena, struct held_set *set, const struct path **locks,
                 unsigned count)
{
    if (!set->known) {
        set->known = true;
        set->locks = ARENA_ARRAY(arena, const struct path *, count + 1);
        memcpy(set->locks, locks, count * sizeof *locks);
        set->count = count;
        return;
    }
    unsigned kept = 0;
    for (unsigned i = 0; i < set->count; i++)
        if (contains(locks, count, set->locks[i]))
            set->locks[kept++] = set->locks[i];
    set->count = kept;
}

static void propagate(struct check_context *context, struct held_set *sets)
{
    const struct ir_tu *tu = context->tu;
    struct held_set *next = calloc(tu->function_count + 1, sizeof *next);
    if (!next)
        return;
    for (unsigned f = 0; f < tu->function_count; f++)
        next[f] = sets[f].fixed ? sets[f] : (struct held_set){0};
    for (unsigned f = 0; f < tu->function_count; f++) {
        const struct lockset_result *result = lockset_of(context, tu->functions[f]);
        if (!sets[f].known)
            continue;
        for (unsigned c = 0; c < result->callsite_count; c++) {
            const struct lock_callsite *site = &result->callsites[c];
            int callee = lock_function_index(context, site->inst->call.callee->body);
            if (callee < 0 || sets[callee].fixed)
                continue;
            const struct path **locks = malloc((site->held_count + sets[f].count + 1) *
                                               sizeof *locks);
            if (!locks)
                continue;
            unsigned count = handed_down(context->arena, site, &sets[f],
                                         tu->functions[callee], locks);
            meet(context->arena, &next[callee], locks, count);
            free(locks);
        }
    }
    memcpy(sets, next, tu->function_count * sizeof *sets);
    free(next);
}

static void no_release(void *value)
{
    (void)value;
}

const struct path *const *lock_inherited(struct check_context *context, unsigned index,
                                         unsigned *count)
{
    struct inherit *inherit = analysis_cache_lookup(context->cache, &inherit_key, NULL);
    if (!inherit) {
        inherit = ARENA_NEW(context->arena, struct inherit);
        inherit->sets = ARENA_ARRAY(context->arena, struct held_set,
                                    context->tu->function_count + 1);
        fix_roots(context, inherit->sets);
        /* Callers first would need the call graph's order; a few rounds settle chains of
         * helpers, and a function still unknown afterwards inherits nothing. */
        for (int round = 0; round < 4; round++)
            propagate(context, inherit->sets);
        analysis_cache_store(context->cache, &inherit_key, NULL, inherit, no_release);
    }
    const struct held_set *set = &inherit->sets[index];
    *count = set->known ? set->count : 0;
    return set->locks;
}
