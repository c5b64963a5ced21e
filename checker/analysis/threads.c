/* The threads dataflow: spawns create records, joins/detaches update them, accesses to
 * lent objects while a thread runs are conflicts, the end of a lent local (or of a
 * handle, or of main) while a thread runs is reported. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "analysis/ownership.h"
#include "analysis/threads_internal.h"
#include "dataflow/dataflow.h"
#include "support/arena.h"
#include "support/memory.h"

const char *threads_name_of(struct thr_context *context, const struct path *path)
{
    char buffer[160];
    if (!path)
        return NULL;
    return arena_strdup(context->check->arena, path_format(path, buffer, sizeof buffer));
}

static bool same_site(struct source_range a, struct source_range b)
{
    return a.begin.file == b.begin.file && a.begin.line == b.begin.line &&
           a.begin.column == b.begin.column;
}

/* Records a finding once per (kind, primary location). */
struct thread_finding *threads_add_finding(struct thr_context *context,
                                          enum thread_finding_kind kind,
                                          struct source_range range,
                                          const struct thread_rec *rec)
{
    for (unsigned i = 0; i < context->count; i++)
        if (context->findings[i].kind == kind && same_site(context->findings[i].range, range))
            return NULL;
    if (context->count == context->capacity) {
        context->capacity = context->capacity ? context->capacity * 2 : 8;
        context->findings = checked_alloc(
            realloc(context->findings, context->capacity * sizeof *context->findings));
    }
    struct thread_finding *finding = &context->findings[context->count++];
    *finding = (struct thread_finding){.kind = kind, .range = range};
    if (rec) {
        const struct call *call = &rec->spawn->call;
        finding->spawn = rec->spawn->range;
        finding->arg = rec->arg;
        finding->has_skip = rec->has_skip;
        finding->skip = rec->skip;
        finding->detached = rec->detached;
        finding->has_detach = rec->detached;
        finding->detach = rec->detach;
        finding->maybe = rec->status == RUN_MAYBE;
        finding->object = threads_name_of(context, rec->lent);
        finding->handle = rec->handle_count ? threads_name_of(context, rec->handles[0]) : NULL;
        finding->handle_array = rec->array;
        if (rec->array && rec->handle_count)
            finding->handle = rec->handles[0]->root->name;
        finding->spawner = call->callee ? call->callee->name : NULL;
        int fn = call->callee ? call->callee->spawn_fn_param : -1;
        if (fn >= 0 && (unsigned)fn < call->arg_count &&
            call->args[fn].kind == VALUE_FUNCTION && call->args[fn].function) {
            finding->thread_fn = call->args[fn].function->name;
            finding->thread_fn_decl = call->args[fn].function->decl;
        }
    }
    return finding;
}

static bool has_unknown_index(const struct path *path)
{
    for (unsigned i = 0; i < path->step_count; i++)
        if (path->steps[i].kind != STEP_FIELD && path->steps[i].index == INDEX_UNKNOWN)
            return true;
    return false;
}

static bool has_deref(const struct path *path)
{
    for (unsigned i = 0; i < path->step_count; i++)
        if (path->steps[i].kind == STEP_DEREF)
            return true;
    return false;
}

static bool is_local(const struct var *var)
{
    return var && (var->kind == VAR_LOCAL || var->kind == VAR_PARAM);
}

/* Same handle: equal paths, unknown indexes matching any index. */
static bool same_handle(const struct path *a, const struct path *b)
{
    return path_within(a, b) && path_within(b, a);
}

static bool rec_has_handle(const struct thread_rec *rec, const struct path *path)
{
    for (unsigned i = 0; i < rec->handle_count; i++)
        if (same_handle(rec->handles[i], path))
            return true;
    return false;
}

/* `join_all(threads, n)` / `join_one(&t)`: the address of the handles is passed to a
 * function that joins (or detaches) what its parameter points to. */
static bool rec_handle_inside(const struct thread_rec *rec, const struct value *arg)
{
    if (arg->kind != VALUE_ADDRESS)
        return false;
    for (unsigned i = 0; i < rec->handle_count; i++)
        if (path_within(rec->handles[i], arg->path))
            return true;
    return false;
}

static const struct path *value_object(const struct thr_state *state, const struct value *value,
                                       bool *heap)
{
    *heap = false;
    if (!value->path)
        return NULL;
    if (value->kind == VALUE_ADDRESS)
        return value->path;
    if (value->kind != VALUE_LOAD)
        return NULL;
    if (value->path->step_count == 0) {
        const struct path *object = thr_alias_of(state, value->path->root);
        if (object)
            return object;
    }
    if (!value->path->type || value->path->type->kind != TYPE_POINTER)
        return NULL;
    *heap = true;
    return value->path;
}

const struct type_info *threads_object_type(const struct path *object, bool heap)
{
    if (!object || !object->type)
        return NULL;
    return heap ? object->type->pointee : object->type;
}

static bool attributes_unknown(const struct call *call)
{
    const struct function_info *callee = call->callee;
    for (unsigned a = 0; a < call->arg_count; a++) {
        if ((int)a == callee->spawn_handle_param || (int)a == callee->spawn_fn_param ||
            (int)a == callee->spawn_arg_param)
            continue;
        const struct value *arg = &call->args[a];
        if (arg->kind != VALUE_NULL && !(arg->kind == VALUE_INTEGER && arg->integer == 0))
            return true;
    }
    return false;
}

static void check_send(struct thr_context *context, const struct thread_rec *rec,
                       const struct path *object, bool heap, bool report)
{
    const struct type_info *type = object ? object->type : NULL;
    const char *culprit = NULL;
    if (!report || !type || threads_type_is_send(type, &culprit))
        return;
    struct thread_finding *finding = threads_add_finding(context, THREAD_NOT_SEND, rec->arg, rec);
    if (!finding)
        return;
    const struct type_info *shown = heap && type->pointee ? type->pointee : type;
    finding->type = shown->spelling;
    finding->culprit = culprit ? arena_strdup(context->check->arena, culprit) : NULL;
    finding->object = threads_name_of(context, object);
}

static void check_shared(struct thr_context *context, struct thr_state *state,
                         struct thread_rec *rec, bool report)
{
    const char *culprit = NULL;
    const struct type_info *type = threads_object_type(rec->lent, rec->lent_heap);
    if (!type || threads_type_is_sync(rec->lent_heap ? rec->lent->type : type, &culprit))
        return;
    rec->not_sync = true;
    for (unsigned i = 0; i < state->rec_count; i++) {
        const struct thread_rec *other = &state->recs[i];
        if (other->spawn == rec->spawn || !thr_running(other) || !other->lent ||
            !path_equal(other->lent, rec->lent))
            continue;
        struct thread_finding *finding =
            report ? threads_add_finding(context, THREAD_NOT_SYNC, rec->arg, rec) : NULL;
        if (finding) {
            finding->type = type->spelling;
            finding->culprit = culprit ? arena_strdup(context->check->arena, culprit) : NULL;
            finding->has_other = true;
            finding->other = other->arg;
        }
        return;
    }
}

/* Where the handle is stored: `&t`, or through a pointer to it (`slot = &threads[i];
 * pthread_create(slot, ...)`). A pointer we cannot follow stores it somewhere we do not
 * see (the caller's `pthread_t *out`): the handle has escaped. */
static const struct path *spawned_handle(const struct thr_state *state,
                                         const struct value *value, struct thread_rec *rec)
{
    if (!value->path || value->kind == VALUE_ADDRESS)
        return value->path;
    const struct path *object = value->kind == VALUE_LOAD && value->path->step_count == 0
                                    ? thr_alias_of(state, value->path->root) : NULL;
    if (object)
        return object;
    rec->handle_escaped = true;
    return value->path;
}

static void spawn(struct thr_context *context, struct thr_state *state, const struct inst *inst,
                  bool report)
{
    const struct call *call = &inst->call;
    const struct function_info *callee = call->callee;
    struct thread_rec rec = {.spawn = inst, .status = RUN_YES, .has_condition = true,
                             .temp = call->result_temp, .success = callee->spawn_success_value};
    int handle = callee->spawn_handle_param;
    const struct path *path = handle >= 0 && (unsigned)handle < call->arg_count
                                  ? spawned_handle(state, &call->args[handle], &rec) : NULL;
    if (path) {
        rec.handles[rec.handle_count++] = path;
        rec.array = has_unknown_index(path);
        rec.local_handle = !rec.handle_escaped && path->root->kind == VAR_LOCAL &&
                           !has_deref(path);
    }
    rec.attr_unknown = attributes_unknown(call);
    int arg = callee->spawn_arg_param;
    if (arg >= 0 && (unsigned)arg < call->arg_count) {
        const struct value *value = &call->args[arg];
        struct move_rule rule;
        bool heap = false;
        const struct path *object = value_object(state, value, &heap);
        rec.arg = value->range;
        check_send(context, &rec, object, heap, report);
        /* a local's storage stays the spawner's even when the pointer is moved */
        bool stack = object && !heap && object->root->kind == VAR_LOCAL && !has_deref(object);
        if (object && (stack || !ownership_call_moves(call, (unsigned)arg, &rule))) {
            int fn = callee->spawn_fn_param;
            const struct function_info *entry =
                fn >= 0 && (unsigned)fn < call->arg_count && call->args[fn].kind == VALUE_FUNCTION
                    ? call->args[fn].function : NULL;
            rec.lent = object;
            rec.lent_heap = heap;
            rec.lent_stack = !heap && object->root->kind == VAR_LOCAL && !has_deref(object);
            /* &slot[i] in a loop: each thread gets its own element, so the spawner's
             * accesses to other elements are no conflict; only the lifetime matters */
            rec.lent_element = has_unknown_index(object);
            rec.writes = threads_fn_writes_arg(entry);
            rec.entry = entry;
        }
    }
    if (rec.lent && !rec.lent_element)
        check_shared(context, state, &rec, report);
    thr_put(state, &rec);
}

static void join_or_detach(struct thr_state *state, const struct inst *inst)
{
    const struct call *call = &inst->call;
    for (unsigned a = 0; a < call->arg_count && a < call->callee->param_count; a++) {
        const struct param_contract *param = &call->callee->params[a];
        const struct value *arg = &call->args[a];
        if ((!param->joins && !param->detaches) || !arg->path)
            continue;
        bool matched = false;
        for (unsigned r = 0; r < state->rec_count; r++) {
            struct thread_rec *rec = &state->recs[r];
            if (!rec_has_handle(rec, arg->path) && !rec_handle_inside(rec, arg))
                continue;
            matched = true;
            if (param->joins) {
                rec->status = RUN_JOINED;
            } else {
                rec->detached = true;
                rec->detach = inst->range;
            }
        }
        if (matched || !param->joins)
            continue;
        /* a handle we lost track of: this join may be its join (no false alarm) */
        for (unsigned r = 0; r < state->rec_count; r++)
            if (state->recs[r].handle_escaped)
                state->recs[r].status = RUN_JOINED;
    }
}

static void handle_escapes(struct thr_state *state, const struct inst *inst)
{
    const struct call *call = &inst->call;
    for (unsigned a = 0; a < call->arg_count; a++) {
        const struct value *arg = &call->args[a];
        if (arg->kind != VALUE_ADDRESS || !arg->path)
            continue;
        for (unsigned r = 0; r < state->rec_count; r++)
            if (rec_has_handle(&state->recs[r], arg->path))
                state->recs[r].handle_escaped = true;
    }
}

/* THREAD_ARG outside a spawn (a channel send): the value goes to another thread. */
static void sent_arguments(struct thr_context *context, struct thr_state *state,
                           const struct inst *inst, bool report)
{
    const struct call *call = &inst->call;
    for (unsigned a = 0; a < call->arg_count && a < call->callee->param_count; a++) {
        if (!call->callee->params[a].thread_arg)
            continue;
        bool heap = false;
        const struct path *object = value_object(state, &call->args[a], &heap);
        struct thread_rec rec = {.spawn = inst, .arg = call->args[a].range};
        check_send(context, &rec, object, heap, report);
    }
}

static void transfer_call(struct thr_context *context, struct thr_state *state,
                          const struct inst *inst, bool report)
{
    const struct function_info *callee = inst->call.callee;
    if (!callee)
        return;
    threads_lock_effects(context, state, &inst->call);
    threads_moved_while_lent(context, state, inst, report);
    if (!callee->is_spawn)
        sent_arguments(context, state, inst, report);
    if (callee->is_spawn) {
        if (!ownership_spawn_without_thread(&inst->call))
            spawn(context, state, inst, report);
        return;
    }
    bool joins = false;
    for (unsigned a = 0; a < callee->param_count; a++)
        joins |= callee->params[a].joins || callee->params[a].detaches;
    if (joins) {
        join_or_detach(state, inst);
    } else {
        threads_shared_uses(context, state, inst, report);
        handle_escapes(state, inst);
    }
}

/* `if (pthread_create(&t, ...) == 0) started = true; ... if (started) pthread_join(t, ...)`:
 * a constant stored in a local once the thread is known to run says it runs; the record
 * vanishes on a branch where the flag holds another value (set before the spawn). */
static void note_started_flag(struct thread_rec *rec, const struct path *path,
                              const struct value *value)
{
    if (rec->has_condition || rec->status != RUN_YES || value->kind != VALUE_INTEGER ||
        path->step_count != 0 || path->root->kind != VAR_LOCAL)
        return;
    rec->has_condition = true;
    rec->temp = UINT_MAX; /* tested by the flag only, never by a call result */
    rec->result_var = path->root;
    rec->success = value->integer;
}

static void transfer_write(struct thr_context *context, struct thr_state *state,
                           const struct block *block, const struct inst *inst, bool report)
{
    const struct path *path = inst->path;
    if (!path)
        return;
    threads_access(context, state, block, inst, true, report);
    const struct value *value = &inst->value;
    for (unsigned r = 0; r < state->rec_count; r++) {
        struct thread_rec *rec = &state->recs[r];
        if (rec->lent && rec->lent_heap && path_within(rec->lent, path))
            rec->lent = NULL; /* the pointer now holds something else */
        if (value->kind == VALUE_LOAD && value->path && rec_has_handle(rec, value->path) &&
            !rec_has_handle(rec, path)) {
            if (rec->handle_count < THREAD_MAX_HANDLES)
                rec->handles[rec->handle_count++] = path;
            if (!is_local(path->root) || has_deref(path))
                rec->handle_escaped = true;
        }
        if (value->kind == VALUE_TEMP && rec->has_condition && rec->temp == value->temp &&
            path->step_count == 0)
            rec->result_var = path->root;
        else if (path->step_count == 0 && rec->result_var == path->root)
            rec->has_condition = false;
        else
            note_started_flag(rec, path, value);
    }
    if (path->step_count != 0 || path->root->kind != VAR_LOCAL)
        return;
    bool heap = false;
    const struct path *object = value_object(state, value, &heap);
    thr_set_alias(state, path->root,
                  object && !heap && object->root->kind == VAR_LOCAL ? object : NULL);
}

static void local_ends(struct thr_context *context, struct thr_state *state,
                       const struct var *var, struct source_range end, bool report)
{
    for (unsigned r = 0; r < state->rec_count; r++) {
        struct thread_rec *rec = &state->recs[r];
        bool running = thr_running(rec) || rec->detached;
        if (rec->lent && rec->lent_stack && rec->lent->root == var) {
            if (running && report) {
                struct thread_finding *finding =
                    threads_add_finding(context, THREAD_ESCAPE, rec->arg, rec);
                if (finding)
                    finding->end = end;
            }
            rec->lent = NULL;
        }
        if (rec->handle_count && rec->local_handle && rec->handles[0]->root == var) {
            if (running && report && !rec->detached && !rec->handle_escaped &&
                !rec->attr_unknown && !context->function->is_main) {
                struct thread_finding *finding =
                    threads_add_finding(context, THREAD_NOT_JOINED, rec->spawn->range, rec);
                if (finding)
                    finding->end = end;
            }
            rec->local_handle = false;
        }
    }
}

static void transfer_inst(void *data, void *raw, const struct block *block,
                          const struct inst *inst, bool report)
{
    struct thr_context *context = data;
    struct thr_state *state = raw;
    if (!state->reached)
        return;
    switch (inst->kind) {
    case INST_READ:
        threads_access(context, state, block, inst, false, report);
        break;
    case INST_WRITE:
        transfer_write(context, state, block, inst, report);
        break;
    case INST_CALL:
        transfer_call(context, state, inst, report);
        break;
    case INST_DECL:
        thr_set_alias(state, inst->var, NULL);
        break;
    case INST_SCOPE_END:
        if (inst->var)
            local_ends(context, state, inst->var, inst->range, report);
        thr_set_alias(state, inst->var, NULL);
        break;
    }
}

static void returned_handles(struct thr_state *state, const struct value *value)
{
    if (value->kind != VALUE_LOAD || !value->path)
        return;
    for (unsigned r = 0; r < state->rec_count; r++)
        if (rec_has_handle(&state->recs[r], value->path))
            state->recs[r].handle_escaped = true;
}

static void transfer_terminator(void *data, void *raw, const struct block *block, bool report)
{
    struct thr_context *context = data;
    struct thr_state *state = raw;
    const struct terminator *term = &block->terminator;
    if (!state->reached || term->kind != TERM_RETURN)
        return;
    returned_handles(state, &term->value);
    const struct ir_function *function = context->function;
    struct source_range end = term->range.begin.file ? term->range : function->body_end;
    if (function->is_main && report) {
        for (unsigned r = 0; r < state->rec_count; r++) {
            const struct thread_rec *rec = &state->recs[r];
            if (!thr_running(rec) && !rec->detached)
                continue;
            struct thread_finding *finding =
                threads_add_finding(context, THREAD_MAIN_RETURNS, rec->spawn->range, rec);
            if (finding)
                finding->end = end;
        }
    }
    for (unsigned i = 0; i < function->param_count; i++)
        local_ends(context, state, function->params[i], end, report);
    for (unsigned i = 0; i < function->local_count; i++)
        if (function->locals[i]->kind == VAR_LOCAL)
            local_ends(context, state, function->locals[i], end, report);
}

/* On the edge where the spawn's result says it failed, there is no thread. */
static void transfer_edge(void *data, void *raw, const struct edge *edge, bool report)
{
    (void)data, (void)report;
    struct thr_state *state = raw;
    const struct terminator *term = &edge->from->terminator;
    if (!state->reached)
        return;
    if (term->kind == TERM_BRANCH || term->kind == TERM_SWITCH)
        for (unsigned r = 0; r < state->rec_count; r++)
            if (state->recs[r].status == RUN_YES) {
                state->recs[r].has_branch = true;
                state->recs[r].branch = term->range;
            }
    if (term->kind != TERM_BRANCH || !term->condition.known)
        return;
    const struct value *tested = &term->condition.tested;
    for (unsigned r = state->rec_count; r-- > 0;) {
        struct thread_rec *rec = &state->recs[r];
        if (!rec->has_condition)
            continue;
        bool tests = tested->kind == VALUE_TEMP ? tested->temp == rec->temp
                     : tested->kind == VALUE_LOAD && tested->path &&
                           tested->path->step_count == 0 && rec->result_var &&
                           tested->path->root == rec->result_var;
        if (!tests)
            continue;
        int equal = ownership_compare_outcome(term->condition.compare, edge->index == 0,
                                  term->condition.constant, rec->success);
        if (equal == 0)
            thr_remove_at(state, r);
        else if (equal == 1)
            rec->has_condition = false;
    }
}

static void *entry_state(void *data, const struct ir_function *function)
{
    (void)data, (void)function;
    return thr_state_new(true);
}
static void *bottom_state(void *data)
{
    (void)data;
    return thr_state_new(false);
}
static void *copy_state(void *data, const void *state)
{
    (void)data;
    return thr_state_copy(state);
}
static void release_state(void *data, void *state)
{
    (void)data;
    thr_state_free(state);
}
static bool join_state(void *data, void *into, const void *from, const struct edge *edge)
{
    (void)data;
    return thr_state_join(into, from, edge);
}

static const struct dataflow_ops threads_ops = {
    .entry_state = entry_state, .bottom_state = bottom_state, .copy = copy_state,
    .release = release_state, .join = join_state, .transfer_inst = transfer_inst,
    .transfer_edge = transfer_edge, .transfer_terminator = transfer_terminator};

static const int threads_key;

static void release_result(void *value)
{
    struct threads_result *result = value;
    free(result->findings);
    free(result);
}

static bool hands_to_threads(const struct function_info *callee)
{
    if (callee->is_spawn)
        return true;
    for (unsigned a = 0; a < callee->param_count; a++)
        if (callee->params[a].thread_arg)
            return true;
    return false;
}

static bool calls_threads(const struct ir_function *function)
{
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++)
            if (block->insts[i].kind == INST_CALL && block->insts[i].call.callee &&
                hands_to_threads(block->insts[i].call.callee))
                return true;
    }
    return false;
}

const struct threads_result *threads_of(struct check_context *check,
                                        const struct ir_function *function)
{
    struct threads_result *result = check->cache
        ? analysis_cache_lookup(check->cache, &threads_key, function) : NULL;
    if (result)
        return result;
    struct thr_context context = {.check = check, .function = function};
    if (calls_threads(function)) /* most functions spawn nothing: skip the dataflow */
        dataflow_result_free(dataflow_run(function, &threads_ops, &context));
    result = checked_alloc(calloc(1, sizeof *result));
    result->count = context.count;
    result->findings = context.findings;
    if (check->cache)
        analysis_cache_store(check->cache, &threads_key, function, result, release_result);
    return result;
}
