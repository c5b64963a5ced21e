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

static bool param_may_write(const struct function_info *callee, unsigned index)
{
    if (!callee || index >= callee->param_count)
        return true; /* unknown callee or variadic: may write */
    const struct type_info *type = callee->param_types ? callee->param_types[index] : NULL;
    return !(type && type->kind == TYPE_POINTER && type->pointee && type->pointee->is_const);
}

bool threads_fn_writes_arg(const struct function_info *function)
{
    return threads_fn_accesses(function, NULL, 0, true, true);
}

/* Variables of `body` holding parameter `index`: the parameter and plain copies of it. */
static unsigned param_aliases(const struct ir_function *body, unsigned index,
                              const struct var **set, unsigned capacity)
{
    unsigned count = 0;
    set[count++] = body->params[index];
    for (bool grew = true; grew;) {
        grew = false;
        for (unsigned b = 0; b < body->block_count; b++)
            for (unsigned i = 0; i < body->blocks[b]->inst_count; i++) {
                const struct inst *inst = &body->blocks[b]->insts[i];
                const struct value *value = &inst->value;
                if (inst->kind != INST_WRITE || !inst->path || inst->path->step_count != 0 ||
                    value->kind != VALUE_LOAD || !value->path || value->path->step_count != 0 ||
                    !in_set(value->path->root, set, count) || in_set(inst->path->root, set, count) ||
                    count == capacity)
                    continue;
                set[count++] = inst->path->root;
                grew = true;
            }
    }
    return count;
}

static bool same_name(const struct field_info *a, const struct field_info *b)
{
    return a == b || (a && b && a->name && b->name && strcmp(a->name, b->name) == 0);
}

/* Do two member chains (steps after the object) reach overlapping storage? Different
 * field names part them; an index or a pointer hop is assumed to meet. */
static bool chains_overlap(const struct step *a, unsigned a_count, const struct step *b,
                           unsigned b_count)
{
    for (unsigned i = 0; i < a_count && i < b_count; i++) {
        if (a[i].kind != STEP_FIELD || b[i].kind != STEP_FIELD)
            return true;
        if (!same_name(a[i].field, b[i].field))
            return false;
    }
    return true;
}

struct member_query {
    const struct step *chain;     /* the spawner's access, after the object */
    unsigned chain_count;
    bool write;                   /* does the thread write it (else: access it at all)? */
    bool strict;                  /* a member handed (in its object) to an unknown function
                                     counts as accessed only in --strict */
};

static bool param_accesses(const struct ir_function *body, unsigned index,
                           const struct member_query *query, unsigned depth);

/* Does `path`, reached through the set's pointer, touch the queried member? */
static bool touches_member(const struct path *path, const struct var *const *set, unsigned count,
                           const struct member_query *query)
{
    if (!path || !in_set(path->root, set, count) || path->step_count < 1 ||
        path->steps[0].kind != STEP_DEREF)
        return false;
    return chains_overlap(path->steps + 1, path->step_count - 1, query->chain, query->chain_count);
}

static bool call_accesses(const struct call *call, const struct var *const *set, unsigned count,
                          const struct member_query *query, unsigned depth)
{
    for (unsigned a = 0; a < call->arg_count; a++) {
        const struct value *arg = &call->args[a];
        if (!arg->path || !in_set(arg->path->root, set, count))
            continue;
        if (arg->kind == VALUE_LOAD && arg->path->step_count == 0) {
            /* the whole object: follow it into a callee of the TU, else assume the worst */
            const struct ir_function *callee = call->callee ? call->callee->body : NULL;
            if (callee && a < callee->param_count && depth < 4) {
                if (param_accesses(callee, a, query, depth + 1))
                    return true;
                continue;
            }
            if (query->chain_count > 0 && !query->strict)
                continue; /* unproven for one member: default mode stays quiet */
            if (!query->write || param_may_write(call->callee, a))
                return true;
            continue;
        }
        if (arg->kind == VALUE_ADDRESS && touches_member(arg->path, set, count, query) &&
            (!query->write || param_may_write(call->callee, a)))
            return true;
    }
    return false;
}

static bool param_accesses(const struct ir_function *body, unsigned index,
                           const struct member_query *query, unsigned depth)
{
    if (!body || index >= body->param_count || !body->params[index])
        return true;
    const struct var *set[32];
    unsigned count = param_aliases(body, index, set, 32);
    for (unsigned b = 0; b < body->block_count; b++)
        for (unsigned i = 0; i < body->blocks[b]->inst_count; i++) {
            const struct inst *inst = &body->blocks[b]->insts[i];
            if (inst->kind == INST_CALL) {
                if (call_accesses(&inst->call, set, count, query, depth))
                    return true;
            } else if ((inst->kind == INST_WRITE || (inst->kind == INST_READ && !query->write)) &&
                       touches_member(inst->path, set, count, query) &&
                       !(query->write && synchronized_type(inst->path->type))) {
                return true;
            }
        }
    return false;
}

bool threads_fn_accesses(const struct function_info *function, const struct step *chain,
                         unsigned chain_count, bool write, bool strict)
{
    const struct member_query query = {chain, chain_count, write, strict};
    return param_accesses(function ? function->body : NULL, 0, &query, 0);
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

/* The parameter itself (`t`), or handles it points to (`*t`, `threads[i]`), not a
 * handle stored in a struct it points to: the caller passes exactly those handles. */
static bool handle_reached_from_param(const struct path *path)
{
    if (path->root->kind != VAR_PARAM)
        return false;
    for (unsigned i = 0; i < path->step_count; i++)
        if (path->steps[i].kind == STEP_FIELD)
            return false;
    return true;
}

/* A parameter handed to a JOINS (DETACHES) parameter in the body joins (detaches) what the
 * caller passes: `static int join_ok(fl_thread *t) { return fl_join(t, NULL) == FL_OK; }`,
 * `join_all(pthread_t *threads, size_t n)` looping over pthread_join(threads[i]).
 * Any path is enough: a missed join would only be a false alarm. */
void threads_summarize(struct check_context *check, struct ir_function *function)
{
    (void)check;
    struct function_info *info = function->info;
    if (!info || info->origin == ORIGIN_BUILTIN)
        return;
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++) {
            const struct call *call = &block->insts[i].call;
            if (block->insts[i].kind != INST_CALL || !call->callee)
                continue;
            for (unsigned a = 0; a < call->arg_count && a < call->callee->param_count; a++) {
                const struct param_contract *param = &call->callee->params[a];
                const struct value *arg = &call->args[a];
                if ((!param->joins && !param->detaches) || !arg->path ||
                    !handle_reached_from_param(arg->path))
                    continue;
                for (unsigned p = 0; p < function->param_count && p < info->param_count; p++)
                    if (function->params[p] == arg->path->root) {
                        info->params[p].joins |= param->joins;
                        info->params[p].detaches |= param->detaches;
                    }
            }
        }
    }
}
