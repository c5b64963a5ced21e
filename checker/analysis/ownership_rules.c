/* Which calls move which arguments: read from contracts only (MOVED, MOVED_IF, inferred
 * moves, spawns whose thread takes its argument). No function is special-cased by name. */
#include <stdio.h>

#include "analysis/ownership.h"

static bool type_owns_depth(const struct type_info *type, unsigned depth)
{
    if (!type || depth > 8)
        return false;
    switch (type->kind) {
    case TYPE_POINTER:
        return true;
    case TYPE_ARRAY:
        return type_owns_depth(type->pointee, depth + 1);
    case TYPE_RECORD:
        if (!type->record || !type->record->is_complete)
            return true; /* opaque: assume it owns (FILE, fl_thread...) */
        for (unsigned i = 0; i < type->record->field_count; i++)
            if (type_owns_depth(type->record->fields[i].type, depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

bool ownership_type_owns(const struct type_info *type)
{
    return type_owns_depth(type, 0);
}

static bool is_alias_of(const struct inst *inst, const struct var *const *set, unsigned count)
{
    if (inst->kind != INST_WRITE || inst->path->step_count != 0)
        return false;
    const struct value *value = &inst->value;
    if (value->kind != VALUE_LOAD || !value->path || value->path->step_count != 0)
        return false;
    for (unsigned i = 0; i < count; i++)
        if (value->path->root == set[i])
            return true;
    return false;
}

static bool in_set(const struct var *var, const struct var *const *set, unsigned count)
{
    for (unsigned i = 0; i < count; i++)
        if (set[i] == var)
            return true;
    return false;
}

/* Variables of `body` holding the thread argument: the parameter and plain copies of it
 * (`struct job *job = arg;`). Flow-insensitive: a copy anywhere counts. */
unsigned ownership_arg_aliases(const struct ir_function *body, const struct var **set,
                               unsigned capacity)
{
    unsigned count = 0;
    set[count++] = body->params[0];
    for (bool grew = true; grew;) {
        grew = false;
        for (unsigned b = 0; b < body->block_count; b++) {
            const struct block *block = body->blocks[b];
            for (unsigned i = 0; i < block->inst_count; i++) {
                const struct inst *inst = &block->insts[i];
                if (count < capacity && is_alias_of(inst, set, count) &&
                    !in_set(inst->path->root, set, count)) {
                    set[count++] = inst->path->root;
                    grew = true;
                }
            }
        }
    }
    return count;
}

static bool call_takes(const struct call *call, const struct var *const *set, unsigned count)
{
    if (!call->callee)
        return false;
    for (unsigned a = 0; a < call->arg_count && a < call->callee->param_count; a++) {
        const struct value *arg = &call->args[a];
        const struct param_contract *param = &call->callee->params[a];
        if (arg->kind != VALUE_LOAD || !arg->path || arg->path->step_count != 0 || arg->derived)
            continue;
        if ((param->moved || param->inferred_moved) && in_set(arg->path->root, set, count))
            return true;
    }
    return false;
}

bool ownership_thread_takes_arg(const struct function_info *function)
{
    if (!function || function->param_count < 1)
        return false;
    if (function->params[0].moved || function->params[0].inferred_moved)
        return true;
    const struct ir_function *body = function->body;
    if (!body || body->param_count < 1 || !body->params[0])
        return false;
    const struct var *set[32];
    unsigned count = ownership_arg_aliases(body, set, 32);
    for (unsigned b = 0; b < body->block_count; b++) {
        const struct block *block = body->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++)
            if (block->insts[i].kind == INST_CALL && call_takes(&block->insts[i].call, set, count))
                return true;
    }
    return false;
}

static const struct function_info *spawned_function(const struct call *call)
{
    const struct function_info *callee = call->callee;
    int index = callee->spawn_fn_param;
    if (index < 0 || (unsigned)index >= call->arg_count)
        return NULL;
    const struct value *fn = &call->args[index];
    return fn->kind == VALUE_FUNCTION ? fn->function : NULL;
}

static bool null_argument(const struct call *call, int index)
{
    if (index < 0 || (unsigned)index >= call->arg_count)
        return false;
    const struct value *value = &call->args[index];
    return value->kind == VALUE_NULL || (value->kind == VALUE_INTEGER && value->integer == 0);
}

bool ownership_spawn_without_thread(const struct call *call)
{
    return call->callee && (null_argument(call, call->callee->spawn_fn_param) ||
                            null_argument(call, call->callee->spawn_handle_param));
}

bool ownership_call_moves(const struct call *call, unsigned index, struct move_rule *rule)
{
    const struct function_info *callee = call->callee;
    *rule = (struct move_rule){0};
    if (!callee || index >= callee->param_count || index >= call->arg_count)
        return false;
    const struct param_contract *param = &callee->params[index];
    if (callee->is_spawn && (int)index == callee->spawn_arg_param) {
        if (ownership_spawn_without_thread(call))
            return false;
        /* The address of an object is lent to the thread (its storage stays with the
         * spawner until the join); a pointer value moves when the thread takes it. */
        if (call->args[index].kind != VALUE_LOAD || call->args[index].derived)
            return false;
        if (!param->moved && !param->moved_if && !param->inferred_moved &&
            !ownership_thread_takes_arg(spawned_function(call)))
            return false;
        /* a failed spawn leaves the argument with the caller; an untested one took it */
        *rule = (struct move_rule){.conditional = true, .when_equal = true,
                                   .value = param->moved_if ? param->moved_if_value
                                                            : callee->spawn_success_value,
                                   .untested_definite = true, .spawn = true};
        return true;
    }
    if (param->moved || param->inferred_moved) {
        if (callee->returns_fresh_heap) /* realloc: a NULL result leaves the block alone */
            *rule = (struct move_rule){.conditional = true, .when_equal = false, .value = 0,
                                       .untested_definite = true};
        return true;
    }
    if (param->moved_if) {
        *rule = (struct move_rule){.conditional = true, .when_equal = true,
                                   .value = param->moved_if_value};
        return true;
    }
    return false;
}
