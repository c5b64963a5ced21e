/* What a thread entry does with its argument (writes through it?) and SEND/SYNC of what a
 * value hands over. */
#include <stdio.h>
#include <string.h>

#include "analysis/ownership.h"
#include "analysis/threads.h"

static bool in_set(const struct var *var, const struct var *const *set, unsigned count)
{
    for (unsigned i = 0; i < count; i++)
        if (set[i] == var)
            return true;
    return false;
}

/* Writing this lvalue is synchronized by construction: atomics, locks, const. */
static bool synchronized_type(const struct type_info *type)
{
    return type && (type->is_atomic || type->lock != LOCK_NONE || type->is_const);
}

static bool path_has_deref(const struct path *path)
{
    for (unsigned i = 0; i < path->step_count; i++)
        if (path->steps[i].kind == STEP_DEREF)
            return true;
    return false;
}

static bool param_may_write(const struct function_info *callee, unsigned index)
{
    if (!callee || index >= callee->param_count)
        return true; /* unknown callee or variadic: may write */
    const struct type_info *type = callee->param_types ? callee->param_types[index] : NULL;
    return !(type && type->kind == TYPE_POINTER && type->pointee && type->pointee->is_const);
}

static bool call_writes(const struct call *call, const struct var *const *set, unsigned count)
{
    for (unsigned a = 0; a < call->arg_count; a++) {
        const struct value *arg = &call->args[a];
        if (!arg->path || !in_set(arg->path->root, set, count))
            continue;
        bool hands_pointer = (arg->kind == VALUE_LOAD && arg->path->step_count == 0) ||
                             (arg->kind == VALUE_ADDRESS && path_has_deref(arg->path) &&
                              !synchronized_type(arg->path->type));
        if (hands_pointer && param_may_write(call->callee, a))
            return true;
    }
    return false;
}

bool threads_fn_writes_arg(const struct function_info *function)
{
    const struct ir_function *body = function ? function->body : NULL;
    if (!body || body->param_count < 1 || !body->params[0])
        return true;
    const struct var *set[32];
    unsigned count = ownership_arg_aliases(body, set, 32);
    for (unsigned b = 0; b < body->block_count; b++) {
        const struct block *block = body->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++) {
            const struct inst *inst = &block->insts[i];
            if (inst->kind == INST_WRITE && inst->path && in_set(inst->path->root, set, count) &&
                path_has_deref(inst->path) && !synchronized_type(inst->path->type))
                return true;
            if (inst->kind == INST_CALL && call_writes(&inst->call, set, count))
                return true;
        }
    }
    return false;
}

/* Which member of the object behind the thread argument an access reaches: the field
 * right after the first dereference of an alias (`job->count` -> count). NULL: the whole
 * object (or not through the argument at all: *through set false). */
static const struct field_info *arg_field(const struct path *path, const struct var *const *set,
                                          unsigned count, bool *through)
{
    *through = path && in_set(path->root, set, count) && path->step_count >= 1 &&
               path->steps[0].kind == STEP_DEREF;
    if (!*through || path->step_count < 2 || path->steps[1].kind != STEP_FIELD)
        return NULL;
    return path->steps[1].field;
}

static bool same_field(const struct field_info *a, const struct field_info *b)
{
    return a == b || (a && b && a->owner == b->owner && a->name && b->name &&
                      strcmp(a->name, b->name) == 0);
}

/* Does an instruction of the thread body access `field` of its argument (any member when
 * field is NULL), writing when `write`? Whole-object uses count for every member. */
static bool inst_accesses(const struct inst *inst, const struct var *const *set, unsigned count,
                          const struct field_info *field, bool write)
{
    bool through;
    if (inst->kind == INST_READ || inst->kind == INST_WRITE) {
        if (write && inst->kind == INST_READ)
            return false;
        const struct field_info *touched = arg_field(inst->path, set, count, &through);
        return through && (!touched || !field || same_field(touched, field));
    }
    if (inst->kind != INST_CALL)
        return false;
    const struct call *call = &inst->call;
    for (unsigned a = 0; a < call->arg_count; a++) {
        const struct value *arg = &call->args[a];
        if (!arg->path || !in_set(arg->path->root, set, count))
            continue;
        if (arg->kind == VALUE_LOAD && arg->path->step_count == 0)
            return !write || param_may_write(call->callee, a); /* the whole object */
        if (arg->kind != VALUE_ADDRESS)
            continue;
        const struct field_info *touched = arg_field(arg->path, set, count, &through);
        if (through && (!touched || !field || same_field(touched, field)) &&
            (!write || param_may_write(call->callee, a)))
            return true;
    }
    return false;
}

bool threads_fn_accesses(const struct function_info *function, const struct field_info *field,
                         bool write)
{
    const struct ir_function *body = function ? function->body : NULL;
    if (!body || body->param_count < 1 || !body->params[0])
        return true;
    const struct var *set[32];
    unsigned count = ownership_arg_aliases(body, set, 32);
    for (unsigned b = 0; b < body->block_count; b++) {
        const struct block *block = body->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++)
            if (inst_accesses(&block->insts[i], set, count, field, write))
                return true;
    }
    return false;
}

/* type_is_send/type_is_sync follow pointers to what they point at already (handing over
 * a `fl_rc *` hands over the fl_rc); `void *` says nothing. */
bool threads_type_is_send(const struct type_info *type, const char **culprit)
{
    if (culprit)
        *culprit = NULL;
    return !type || type_is_send(type, culprit);
}

bool threads_type_is_sync(const struct type_info *type, const char **culprit)
{
    if (culprit)
        *culprit = NULL;
    return !type || type_is_sync(type, culprit);
}
