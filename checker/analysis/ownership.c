/* The ownership dataflow: moves at calls, revivals at writes, uses at reads, MOVED_IF and
 * spawn/realloc moves refined on the branch that tests the call's result. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "analysis/ownership_state.h"
#include "dataflow/dataflow.h"
#include "support/memory.h"

struct own_context {
    struct check_context *check;
    const struct ir_function *function;
    bool summary;                 /* inference: a NULL-tested parameter counts as moved */
    unsigned block_id, inst_index;
    unsigned use_count, use_capacity;
    struct move_use *uses;
};

static bool same_point(struct source_range a, struct source_range b)
{
    return a.begin.line == b.begin.line && a.begin.column == b.begin.column &&
           a.begin.file == b.begin.file;
}

static void record_use(struct own_context *context, const struct move_fact *fact,
                       struct source_range range, bool second_move)
{
    if (context->summary || !fact->origin.callee)
        return;
    /* once per site, and once per move like rustc: the first use of a moved path names
     * the problem; later uses of the same move would only repeat it */
    for (unsigned i = 0; i < context->use_count; i++) {
        const struct move_use *seen = &context->uses[i];
        if (same_point(seen->use, range) ||
            (same_point(seen->origin.range, fact->origin.range) && path_equal(seen->path, fact->path)))
            return;
    }
    if (context->use_count == context->use_capacity) {
        context->use_capacity = context->use_capacity ? context->use_capacity * 2 : 8;
        context->uses = checked_alloc(realloc(context->uses, context->use_capacity * sizeof *context->uses));
    }
    bool later = fact->origin_block > context->block_id ||
                 (fact->origin_block == context->block_id &&
                  fact->origin_index >= context->inst_index);
    context->uses[context->use_count++] = (struct move_use){
        .path = fact->path, .use = range, .maybe = fact->kind == FACT_MAYBE && !later,
        .previous_iteration = later, .second_move = second_move, .origin = fact->origin};
}

/* A use of `path`: it, or anything reached through it, was moved. */
static void check_use(struct own_context *context, struct own_state *state,
                      const struct path *path, struct source_range range, bool report,
                      bool second_move)
{
    if (!report || !path)
        return;
    for (unsigned i = 0; i < state->fact_count; i++)
        if (path_within(path, state->facts[i].path)) {
            record_use(context, &state->facts[i], range, second_move);
            return;
        }
}

/* A write to `path` dereferences every pointer on the way: a use if one was moved. */
static void check_write_through(struct own_context *context, struct own_state *state,
                                const struct path *path, struct source_range range, bool report)
{
    if (!report)
        return;
    for (unsigned i = 0; i < state->fact_count; i++) {
        const struct path *moved = state->facts[i].path;
        if (!path_within(path, moved) || path->step_count <= moved->step_count)
            continue;
        for (unsigned s = moved->step_count; s < path->step_count; s++)
            if (path->steps[s].kind == STEP_DEREF) {
                record_use(context, &state->facts[i], range, false);
                return;
            }
    }
}

static void forget_result_var(struct own_state *state, const struct var *var)
{
    for (unsigned i = 0; i < state->fact_count; i++)
        if (state->facts[i].result_var == var)
            state->facts[i].has_condition = false;
}

/* `if (fl_send(tx, &v) == FL_OK) sent = true; ... if (!sent) free(v);`: a constant stored
 * in a local after a definite move says "moved" wherever the fact still stands (a later
 * store forgets it). A branch where the flag holds another value cannot be one of those
 * paths, so the fact is dropped there, as for a tested call result. */
static void note_moved_flag(struct own_state *state, const struct var *flag, long long value)
{
    for (unsigned i = 0; i < state->fact_count; i++) {
        struct move_fact *fact = &state->facts[i];
        if (fact->kind != FACT_MOVED || fact->has_condition)
            continue;
        fact->has_condition = true;
        fact->when_equal = true;
        fact->value = value;
        fact->temp = UINT_MAX; /* tested through the flag only */
        fact->result_var = flag;
    }
}

static void transfer_write(struct own_context *context, struct own_state *state,
                           const struct inst *inst, bool report)
{
    const struct path *path = inst->path;
    if (!path)
        return;
    if (inst->compound)
        check_use(context, state, path, inst->range, report, false);
    else
        check_write_through(context, state, path, inst->range, report);
    own_forget_within(state, path);
    if (path->step_count != 0 || !path->root)
        return;
    forget_result_var(state, path->root);
    const struct value *value = &inst->value;
    if (value->kind == VALUE_INTEGER && path->root->kind == VAR_LOCAL) {
        note_moved_flag(state, path->root, value->integer);
    } else if (value->kind == VALUE_TEMP) {
        for (unsigned i = 0; i < state->fact_count; i++)
            if (state->facts[i].has_condition && state->facts[i].temp == value->temp)
                state->facts[i].result_var = path->root;
    } else if (value->kind == VALUE_LOAD && !value->derived && own_trackable(value->path) &&
               path->type && path->type->kind == TYPE_POINTER && !path_equal(path, value->path)) {
        own_add_alias(state, path, value->path);
    }
}

/* Adds `fact` for its path and every must-alias of it (q = p: moving p moves q). */
static void move_with_aliases(struct own_state *state, const struct move_fact *fact)
{
    const struct path *moved[16];
    unsigned count = 0;
    moved[count++] = fact->path;
    for (unsigned m = 0; m < count; m++)
        for (unsigned a = 0; a < state->alias_count && count < 16; a++) {
            const struct move_alias *alias = &state->aliases[a];
            const struct path *other = NULL;
            if (path_equal(alias->copy, moved[m]))
                other = alias->source;
            else if (path_equal(alias->source, moved[m]))
                other = alias->copy;
            bool seen = false;
            for (unsigned k = 0; other && k < count; k++)
                seen |= path_equal(moved[k], other);
            if (other && !seen)
                moved[count++] = other;
        }
    for (unsigned m = 0; m < count; m++) {
        struct move_fact copy = *fact;
        copy.path = moved[m];
        own_add(state, &copy);
    }
}

/* A callee with a body or no contract may reassign what its pointer arguments reach and
 * any global: facts there are dropped (no false alarm after `reset(s)`). */
static void forget_reachable(struct own_state *state, const struct call *call)
{
    if (call->callee && call->callee->origin == ORIGIN_BUILTIN)
        return;
    for (unsigned i = state->fact_count; i-- > 0;) {
        const struct path *path = state->facts[i].path;
        bool drop = path->root->kind == VAR_GLOBAL || path->root->kind == VAR_STATIC_LOCAL;
        for (unsigned a = 0; a < call->arg_count && !drop; a++) {
            const struct value *arg = &call->args[a];
            if ((arg->kind != VALUE_LOAD && arg->kind != VALUE_ADDRESS) || !arg->path)
                continue;
            if (!path_within(path, arg->path))
                continue;
            /* &obj: the callee may write all of obj; p: only what it reaches via *p */
            drop = arg->kind == VALUE_ADDRESS || path->step_count > arg->path->step_count;
        }
        if (drop)
            own_remove_at(state, i);
    }
}

static void transfer_call(struct own_context *context, struct own_state *state,
                          const struct inst *inst, bool report)
{
    const struct call *call = &inst->call;
    struct move_fact moves[8];
    unsigned move_count = 0;
    for (unsigned a = 0; a < call->arg_count && move_count < 8; a++) {
        struct move_rule rule;
        if (!ownership_call_moves(call, a, &rule))
            continue;
        const struct value *arg = &call->args[a];
        if ((arg->kind != VALUE_LOAD && arg->kind != VALUE_ADDRESS) || arg->derived ||
            !own_trackable(arg->path) || !ownership_type_owns(arg->path->type))
            continue;
        if (arg->kind == VALUE_ADDRESS) /* the READ before a LOAD argument reports it */
            check_use(context, state, arg->path, arg->range, report, true);
        moves[move_count++] = (struct move_fact){
            .path = arg->path,
            .kind = rule.conditional && !rule.untested_definite ? FACT_MAYBE : FACT_MOVED,
            .origin = {.range = arg->range, .callee = call->callee,
                       .conditional = rule.conditional && !rule.untested_definite,
                       .spawn = rule.spawn},
            .origin_block = context->block_id, .origin_index = context->inst_index,
            .has_condition = rule.conditional, .when_equal = rule.when_equal,
            .value = rule.value, .temp = call->result_temp};
    }
    forget_reachable(state, call);
    for (unsigned m = 0; m < move_count; m++)
        move_with_aliases(state, &moves[m]);
}

static void transfer_inst(void *data, void *raw, const struct block *block,
                          const struct inst *inst, bool report)
{
    struct own_context *context = data;
    struct own_state *state = raw;
    if (!state->reached)
        return;
    context->block_id = block->id;
    context->inst_index = (unsigned)(inst - block->insts);
    switch (inst->kind) {
    case INST_READ:
        check_use(context, state, inst->path, inst->range, report, false);
        break;
    case INST_WRITE:
        transfer_write(context, state, inst, report);
        break;
    case INST_CALL:
        transfer_call(context, state, inst, report);
        break;
    case INST_DECL:
    case INST_SCOPE_END:
        if (inst->var) {
            const struct path whole = {.root = inst->var, .type = inst->var->type};
            own_forget_within(state, &whole);
        }
        break;
    }
}

/* Given "result OP k" holds on an edge: 1 when result == value is certain, 0 when it is
 * excluded, -1 when unknown. */
int ownership_compare_outcome(enum compare compare, bool holds, long long k, long long value)
{
    if (!holds)
        compare = compare_negate(compare);
    if (compare == COMPARE_EQ)
        return k == value;
    /* Any other comparison leaves several results possible: it only excludes. */
    return compare_holds(value, compare, k) ? -1 : 0;
}

static bool tests_fact(const struct value *tested, const struct move_fact *fact)
{
    if (!fact->has_condition)
        return false;
    if (tested->kind == VALUE_TEMP)
        return tested->temp == fact->temp;
    return tested->kind == VALUE_LOAD && tested->path && tested->path->step_count == 0 &&
           fact->result_var && tested->path->root == fact->result_var;
}

static void refine_null_parameter(struct own_context *context, struct own_state *state,
                                  const struct condition *condition, bool holds)
{
    const struct value *tested = &condition->tested;
    if (tested->kind != VALUE_LOAD || !tested->path || tested->path->step_count != 0 ||
        !tested->path->root || tested->path->root->kind != VAR_PARAM || condition->constant != 0)
        return;
    if (ownership_compare_outcome(condition->compare, holds, 0, 0) != 1 || own_find(state, tested->path))
        return;
    struct move_fact fact = {.path = tested->path, .kind = FACT_MOVED,
                             .origin_block = context->block_id};
    own_add(state, &fact);
}

/* The default edge of a switch on a result: it differs from every case value. */
static void switch_default(struct own_state *state, const struct edge *edge)
{
    const struct block *from = edge->from;
    for (unsigned i = state->fact_count; i-- > 0;) {
        struct move_fact *fact = &state->facts[i];
        if (!tests_fact(&from->terminator.condition.tested, fact))
            continue;
        bool is_case = false;
        for (unsigned s = 0; s < from->successor_count; s++)
            is_case |= !from->successors[s].is_default &&
                       from->successors[s].case_value == fact->value;
        if (!is_case)
            continue;
        if (fact->when_equal) { /* result != value: not moved */
            own_remove_at(state, i);
        } else {
            fact->kind = FACT_MOVED;
            fact->has_condition = false;
            fact->origin.conditional = false;
        }
    }
}

static void transfer_edge(void *data, void *raw, const struct edge *edge, bool report)
{
    (void)report;
    struct own_context *context = data;
    struct own_state *state = raw;
    const struct terminator *term = &edge->from->terminator;
    if (!state->reached || (term->kind == TERM_BRANCH && !term->condition.known))
        return;
    enum compare compare = term->condition.compare;
    long long k = term->condition.constant;
    bool holds = edge->index == 0;
    if (term->kind == TERM_SWITCH) {
        if (edge->is_default) {
            switch_default(state, edge);
            return;
        }
        compare = COMPARE_EQ, k = edge->case_value, holds = true;
    } else if (term->kind != TERM_BRANCH) {
        return;
    }
    for (unsigned i = state->fact_count; i-- > 0;) {
        struct move_fact *fact = &state->facts[i];
        if (!tests_fact(&term->condition.tested, fact))
            continue;
        int equal = ownership_compare_outcome(compare, holds, k, fact->value);
        if (equal < 0)
            continue;
        if ((equal == 1) == fact->when_equal) {
            fact->kind = FACT_MOVED;
            fact->has_condition = false;
            fact->origin.conditional = false;
        } else {
            own_remove_at(state, i);
        }
    }
    if (context->summary && term->kind == TERM_BRANCH) {
        struct condition condition = term->condition;
        condition.compare = compare;
        refine_null_parameter(context, state, &condition, holds);
    }
}

static void *entry_state(void *data, const struct ir_function *function)
{
    (void)data, (void)function;
    return own_state_new(true);
}
static void *bottom_state(void *data)
{
    (void)data;
    return own_state_new(false);
}
static void *copy_state(void *data, const void *state)
{
    (void)data;
    return own_state_copy(state);
}
static void release_state(void *data, void *state)
{
    (void)data;
    own_state_free(state);
}
static bool join_state(void *data, void *into, const void *from, const struct edge *edge)
{
    (void)data, (void)edge;
    return own_state_join(into, from);
}

static const struct dataflow_ops ownership_ops = {
    .entry_state = entry_state, .bottom_state = bottom_state, .copy = copy_state,
    .release = release_state, .join = join_state, .transfer_inst = transfer_inst,
    .transfer_edge = transfer_edge};

static const int ownership_key;

static void release_result(void *value)
{
    struct ownership_result *result = value;
    free(result->uses);
    free(result);
}

const struct ownership_result *ownership_of(struct check_context *check,
                                            const struct ir_function *function)
{
    struct ownership_result *result = check->cache
        ? analysis_cache_lookup(check->cache, &ownership_key, function) : NULL;
    if (result)
        return result;
    struct own_context context = {.check = check, .function = function};
    struct dataflow_result *flow = dataflow_run(function, &ownership_ops, &context);
    dataflow_result_free(flow);
    result = checked_alloc(calloc(1, sizeof *result));
    result->use_count = context.use_count;
    result->uses = context.uses;
    if (check->cache)
        analysis_cache_store(check->cache, &ownership_key, function, result, release_result);
    return result;
}

static bool has_ownership_contract(const struct function_info *info)
{
    if (info->origin == ORIGIN_BUILTIN)
        return true;
    for (unsigned i = 0; i < info->param_count; i++) {
        const struct param_contract *param = &info->params[i];
        if (param->moved || param->moved_if || param->thread_arg || param->thread_fn ||
            param->joins || param->detaches)
            return true;
    }
    return false;
}

static bool parameter_reassigned(const struct ir_function *function, const struct var *param)
{
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++) {
            const struct inst *inst = &block->insts[i];
            if (inst->kind == INST_WRITE && inst->path && inst->path->root == param &&
                inst->path->step_count == 0)
                return true;
        }
    }
    return false;
}

void ownership_summarize(struct check_context *check, struct ir_function *function)
{
    struct function_info *info = function->info;
    if (!info || has_ownership_contract(info) || function->param_count == 0)
        return;
    struct own_context context = {.check = check, .function = function, .summary = true};
    struct dataflow_result *flow = dataflow_run(function, &ownership_ops, &context);
    const struct own_state *exit = dataflow_in_state(flow, function->exit);
    bool inferred = false;
    for (unsigned i = 0; exit && exit->reached && i < function->param_count &&
                         i < info->param_count; i++) {
        const struct var *param = function->params[i];
        if (!param || !param->type || param->type->kind != TYPE_POINTER)
            continue;
        for (unsigned f = 0; f < exit->fact_count; f++) {
            const struct move_fact *fact = &exit->facts[f];
            if (fact->path->root == param && fact->path->step_count == 0 &&
                fact->kind == FACT_MOVED && fact->origin.callee &&
                !parameter_reassigned(function, param)) {
                info->params[i].inferred_moved = true;
                inferred = true;
            }
        }
    }
    if (inferred)
        info->origin = ORIGIN_INFERRED;
    dataflow_result_free(flow);
    free(context.uses);
}
