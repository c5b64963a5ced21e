/* Lock identity (see lock_paths.h). */
#include "analysis/lock_paths.h"

#include <string.h>

#include "support/arena.h"

/* ---- aliases -------------------------------------------------------------------------- */

struct alias {
    const struct var *var;
    unsigned writes;
    struct value source;   /* the only value written, when writes == 1 */
};

struct lock_aliases {
    unsigned count;
    struct alias *entries;
    unsigned written_global_count;
    const struct var **written_globals;   /* globals assigned (as a whole) in the function */
};

static struct alias *alias_of(const struct lock_aliases *aliases, const struct var *var)
{
    for (unsigned i = 0; i < aliases->count; i++)
        if (aliases->entries[i].var == var)
            return &aliases->entries[i];
    return NULL;
}

static void count_writes(struct lock_aliases *aliases, const struct ir_function *function)
{
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++) {
            const struct inst *inst = &block->insts[i];
            if (inst->kind != INST_WRITE || !inst->path || inst->path->step_count != 0)
                continue;
            struct alias *alias = alias_of(aliases, inst->path->root);
            if (!alias) {
                aliases->written_globals[aliases->written_global_count++] = inst->path->root;
                continue;
            }
            if (alias->writes++ == 0)
                alias->source = inst->value;
        }
    }
}

static bool is_pointer(const struct type_info *type)
{
    return type && type->kind == TYPE_POINTER;
}

/* A source stays put when its root is never assigned in the function (a local may have
 * its one initializer). */
static bool source_is_stable(const struct lock_aliases *aliases, const struct value *source)
{
    if ((source->kind != VALUE_LOAD && source->kind != VALUE_ADDRESS) || !source->path ||
        source->derived)
        return false;
    const struct alias *root = alias_of(aliases, source->path->root);
    if (!root) {   /* a global: stable unless this function assigns it */
        for (unsigned i = 0; i < aliases->written_global_count; i++)
            if (aliases->written_globals[i] == source->path->root)
                return false;
        return true;
    }
    return root->var->kind == VAR_LOCAL ? root->writes <= 1 : root->writes == 0;
}

struct lock_aliases *lock_aliases_build(struct arena *arena, const struct ir_function *function)
{
    struct lock_aliases *aliases = ARENA_NEW(arena, struct lock_aliases);
    unsigned total = function->param_count + function->local_count;
    aliases->entries = ARENA_ARRAY(arena, struct alias, total ? total : 1);
    for (unsigned i = 0; i < function->param_count; i++)
        aliases->entries[aliases->count++].var = function->params[i];
    for (unsigned i = 0; i < function->local_count; i++)
        aliases->entries[aliases->count++].var = function->locals[i];
    unsigned writes = 0;
    for (unsigned b = 0; b < function->block_count; b++)
        writes += function->blocks[b]->inst_count;
    aliases->written_globals = ARENA_ARRAY(arena, const struct var *, writes + 1);
    count_writes(aliases, function);
    /* Keep only usable aliases: a pointer local written once from a stable source. */
    for (unsigned i = 0; i < aliases->count; i++) {
        struct alias *alias = &aliases->entries[i];
        bool usable = alias->var->kind == VAR_LOCAL && alias->writes == 1 &&
                      is_pointer(alias->var->type) && source_is_stable(aliases, &alias->source);
        if (!usable)
            alias->source.kind = VALUE_NONE;
    }
    return aliases;
}

static const struct path *append_steps(struct arena *arena, const struct path *base,
                                       const struct path *from, unsigned first)
{
    for (unsigned i = first; i < from->step_count && base; i++)
        base = path_append(arena, base, from->steps[i]);
    return base;
}

const struct path *lock_canonical(struct arena *arena, const struct lock_aliases *aliases,
                                  const struct path *path)
{
    for (int depth = 0; path && aliases && depth < 8; depth++) {
        const struct alias *alias = alias_of(aliases, path->root);
        if (!alias || alias->source.kind == VALUE_NONE)
            return path;
        /* Only what is reached through the copy is shared: `b->mu` is `a->mu`, but the
         * variable `b` itself is its own storage. */
        if (path->step_count == 0 || path->steps[0].kind != STEP_DEREF)
            return path;
        if (alias->source.kind == VALUE_LOAD) {
            path = append_steps(arena, alias->source.path, path, 0);
        } else {
            path = append_steps(arena, alias->source.path, path, 1);   /* *(&x) is x */
        }
    }
    return path;
}

/* ---- resolving contract locks -------------------------------------------------------- */

/* A value while walking a lock path: the lvalue `path`, or its address. */
struct walk {
    const struct path *path;
    bool address;
};

static struct walk walk_deref(struct arena *arena, struct walk at)
{
    if (!at.path)
        return at;
    if (at.address)
        return (struct walk){at.path, false};
    if (!is_pointer(at.path->type))
        return (struct walk){NULL, false};
    struct step step = {.kind = STEP_DEREF, .type = at.path->type->pointee};
    return (struct walk){path_append(arena, at.path, step), false};
}

static const struct field_info *find_field(const struct type_info *type, const char *name)
{
    if (!type || type->kind != TYPE_RECORD || !type->record)
        return NULL;
    const struct record_info *record = type->record;
    for (unsigned i = 0; i < record->field_count; i++)
        if (record->fields[i].name && strcmp(record->fields[i].name, name) == 0)
            return &record->fields[i];
    return NULL;
}

static struct walk walk_field(struct arena *arena, struct walk at, const char *name)
{
    if (!at.path || at.address)
        return (struct walk){NULL, false};
    const struct field_info *field = find_field(at.path->type, name);
    if (!field)
        return (struct walk){NULL, false};
    struct step step = {.kind = STEP_FIELD, .field = field, .type = field->type};
    return (struct walk){path_append(arena, at.path, step), false};
}

static const struct path *walk_lock(struct arena *arena, const struct lock_path *lock,
                                    struct walk at)
{
    if (lock->deref_base && (at.address || is_pointer(at.path ? at.path->type : NULL)))
        at = walk_deref(arena, at);
    for (unsigned i = 0; i < lock->step_count && at.path; i++) {
        if (lock->steps[i].through_pointer)
            at = walk_deref(arena, at);
        at = walk_field(arena, at, lock->steps[i].field);
    }
    if (!at.path)
        return NULL;
    if (at.address)
        return at.path;   /* named by its address: `&g_mu` */
    if (is_pointer(at.path->type) && at.path->type->pointee &&
        at.path->type->pointee->lock != LOCK_NONE)
        at = walk_deref(arena, at);   /* a pointer to a lock names the lock */
    return at.path;
}

static struct walk walk_of_value(const struct value *value)
{
    if (value->kind == VALUE_ADDRESS && value->path)
        return (struct walk){value->path, true};
    if (value->kind == VALUE_LOAD && value->path && !value->derived)
        return (struct walk){value->path, false};
    return (struct walk){NULL, false};
}

static const struct path *resolve_global(struct arena *arena, const struct lock_path *lock)
{
    if (!lock->global)
        return NULL;
    return walk_lock(arena, lock, (struct walk){path_of_var(arena, lock->global), false});
}

const struct path *lock_resolve_call(struct arena *arena, const struct lock_path *lock,
                                     const struct call *call)
{
    if (lock->base == LOCK_BASE_GLOBAL)
        return resolve_global(arena, lock);
    if (lock->base != LOCK_BASE_PARAM || lock->param_index < 0 ||
        (unsigned)lock->param_index >= call->arg_count)
        return NULL;
    struct walk at = walk_of_value(&call->args[lock->param_index]);
    return at.path ? walk_lock(arena, lock, at) : NULL;
}

const struct path *lock_resolve_entry(struct arena *arena, const struct lock_path *lock,
                                      const struct ir_function *function)
{
    if (lock->base == LOCK_BASE_GLOBAL)
        return resolve_global(arena, lock);
    if (lock->base != LOCK_BASE_PARAM || lock->param_index < 0 ||
        (unsigned)lock->param_index >= function->param_count)
        return NULL;
    const struct var *param = function->params[lock->param_index];
    return walk_lock(arena, lock, (struct walk){path_of_var(arena, param), false});
}

const struct path *lock_resolve_sibling(struct arena *arena, const struct lock_path *lock,
                                        const struct path *object)
{
    if (lock->base == LOCK_BASE_GLOBAL)
        return resolve_global(arena, lock);
    if (lock->base != LOCK_BASE_SIBLING || !object)
        return NULL;
    return walk_lock(arena, lock, (struct walk){object, false});
}

/* ---- contract form of a concrete lock -------------------------------------------------- */

static int param_index_of(const struct ir_function *function, const struct var *var)
{
    for (unsigned i = 0; i < function->param_count; i++)
        if (function->params[i] == var)
            return (int)i;
    return -1;
}

static bool fill_steps(struct arena *arena, struct lock_path *out, const struct path *lock)
{
    struct lock_step *steps = ARENA_ARRAY(arena, struct lock_step, lock->step_count + 1);
    unsigned i = 0;
    if (lock->step_count == 1 && lock->steps[0].kind == STEP_DEREF) {
        out->deref_base = true;
        return true;
    }
    while (i < lock->step_count) {
        bool through = lock->steps[i].kind == STEP_DEREF;
        if (through)
            i++;
        if (i >= lock->step_count || lock->steps[i].kind != STEP_FIELD || !lock->steps[i].field)
            return false;
        steps[out->step_count++] = (struct lock_step){through, lock->steps[i].field->name};
        i++;
    }
    out->steps = steps;
    return true;
}

struct lock_path *lock_path_from(struct arena *arena, const struct path *lock,
                                 const struct ir_function *function)
{
    if (!lock || !lock->root || lock_path_has_unknown_index(lock))
        return NULL;
    struct lock_path *out = ARENA_NEW(arena, struct lock_path);
    if (lock->root->kind == VAR_GLOBAL) {
        out->base = LOCK_BASE_GLOBAL;
        out->global = (struct var *)lock->root;
    } else if (lock->root->kind == VAR_PARAM) {
        out->base = LOCK_BASE_PARAM;
        out->param_index = param_index_of(function, lock->root);
        if (out->param_index < 0)
            return NULL;
    } else {
        return NULL;
    }
    if (!fill_steps(arena, out, lock))
        return NULL;
    char text[256];
    out->text = arena_strdup(arena, path_format(lock, text, sizeof text));
    return out;
}

bool lock_path_has_unknown_index(const struct path *lock)
{
    if (!lock)
        return false;
    for (unsigned i = 0; i < lock->step_count; i++) {
        const struct step *step = &lock->steps[i];
        if ((step->kind == STEP_INDEX || step->kind == STEP_DEREF) && step->index == INDEX_UNKNOWN)
            return true;
    }
    /* `*locks` with `pthread_mutex_t *locks` a global: `&locks[hv % n]` is lowered like
     * `locks`, so it stands for any element of a lock table (memcached's item_locks). */
    const struct type_info *root = lock->root ? lock->root->type : NULL;
    return lock->step_count == 1 && lock->steps[0].kind == STEP_DEREF && root &&
           root->kind == TYPE_POINTER && root->pointee && root->pointee->lock != LOCK_NONE &&
           (lock->root->kind == VAR_GLOBAL || lock->root->kind == VAR_STATIC_LOCAL);
}

bool lock_is_local(const struct path *lock)
{
    return lock && lock->root && lock->root->kind == VAR_LOCAL;
}
