/* The threads dataflow: spawns create records, joins/detaches update them, accesses to
 * lent objects while a thread runs are conflicts, the end of a lent local (or of a
 * handle, or of main) while a thread runs is reported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "analysis/lock_inherit.h"
#include "analysis/lockset.h"
#include "analysis/ownership.h"
#include "analysis/threads_state.h"
#include "dataflow/dataflow.h"
#include "support/arena.h"

struct thr_context {
    struct check_context *check;
    const struct ir_function *function;
    unsigned count, capacity;
    struct thread_finding *findings;
};

static const char *name_of(struct thr_context *context, const struct path *path)
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
static struct thread_finding *add_finding(struct thr_context *context,
                                          enum thread_finding_kind kind,
                                          struct source_range range,
                                          const struct thread_rec *rec)
{
    for (unsigned i = 0; i < context->count; i++)
        if (context->findings[i].kind == kind && same_site(context->findings[i].range, range))
            return NULL;
    if (context->count == context->capacity) {
        context->capacity = context->capacity ? context->capacity * 2 : 8;
        context->findings = realloc(context->findings,
                                    context->capacity * sizeof *context->findings);
        if (!context->findings) {
            fprintf(stderr, "fearless: out of memory\n");
            abort();
        }
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
        finding->object = name_of(context, rec->lent);
        finding->handle = rec->handle_count ? name_of(context, rec->handles[0]) : NULL;
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

static const struct type_info *object_type(const struct path *object, bool heap)
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
    struct thread_finding *finding = add_finding(context, THREAD_NOT_SEND, rec->arg, rec);
    if (!finding)
        return;
    const struct type_info *shown = heap && type->pointee ? type->pointee : type;
    finding->type = shown->spelling;
    finding->culprit = culprit ? arena_strdup(context->check->arena, culprit) : NULL;
    finding->object = name_of(context, object);
}

static void check_shared(struct thr_context *context, struct thr_state *state,
                         struct thread_rec *rec, bool report)
{
    const char *culprit = NULL;
    const struct type_info *type = object_type(rec->lent, rec->lent_heap);
    if (!type || threads_type_is_sync(rec->lent_heap ? rec->lent->type : type, &culprit))
        return;
    rec->not_sync = true;
    for (unsigned i = 0; i < state->rec_count; i++) {
        const struct thread_rec *other = &state->recs[i];
        if (other->spawn == rec->spawn || !thr_running(other) || !other->lent ||
            !path_equal(other->lent, rec->lent))
            continue;
        struct thread_finding *finding =
            report ? add_finding(context, THREAD_NOT_SYNC, rec->arg, rec) : NULL;
        if (finding) {
            finding->type = type->spelling;
            finding->culprit = culprit ? arena_strdup(context->check->arena, culprit) : NULL;
            finding->has_other = true;
            finding->other = other->arg;
        }
        return;
    }
}

static void spawn(struct thr_context *context, struct thr_state *state, const struct inst *inst,
                  bool report)
{
    const struct call *call = &inst->call;
    const struct function_info *callee = call->callee;
    struct thread_rec rec = {.spawn = inst, .status = RUN_YES, .has_condition = true,
                             .temp = call->result_temp, .success = callee->spawn_success_value};
    int handle = callee->spawn_handle_param;
    if (handle >= 0 && (unsigned)handle < call->arg_count && call->args[handle].path) {
        const struct path *path = call->args[handle].path;
        rec.handles[rec.handle_count++] = path;
        rec.array = has_unknown_index(path);
        rec.local_handle = is_local(path->root) && path->root->kind == VAR_LOCAL &&
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
            if (!rec_has_handle(rec, arg->path))
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

/* Does an access to `path` touch what `rec` lent? A pointer on the way to the object
 * (`e->items` for a lent `&e->items[i]`) is not the object. */
static bool touches_lent(const struct thread_rec *rec, const struct path *path)
{
    if (!rec->lent || !path || rec->lent_element)
        return false;
    if (rec->lent_heap)
        return path_within(path, rec->lent) && path->step_count > rec->lent->step_count;
    if (path_within(path, rec->lent))
        return true;
    if (!path_within(rec->lent, path))
        return false;
    for (unsigned i = path->step_count; i < rec->lent->step_count; i++)
        if (rec->lent->steps[i].kind == STEP_DEREF)
            return false;
    return true;
}

/* Would this access race with what the thread does with the object? The thread's body
 * says which members it reads and writes; the handle itself is the spawner's. */
static bool conflicts(const struct thr_context *context, const struct thread_rec *rec,
                      const struct path *path, bool write)
{
    for (unsigned i = 0; i < rec->handle_count; i++)
        if (path_within(path, rec->handles[i]))
            return false;
    unsigned at = rec->lent->step_count + (rec->lent_heap ? 1 : 0);
    unsigned count = path->step_count > at ? path->step_count - at : 0;
    return threads_fn_accesses(rec->entry, count ? path->steps + at : NULL, count, !write,
                               context->check->strict);
}

static bool synchronized_access(const struct path *path)
{
    const struct type_info *type = path->type;
    if (type && (type->is_atomic || type->lock != LOCK_NONE))
        return true;
    for (unsigned i = 0; i < path->step_count; i++) {
        const struct step *step = &path->steps[i];
        if (step->kind == STEP_FIELD && step->field &&
            (step->field->guarded_by || step->field->pt_guarded_by))
            return true;
    }
    return false;
}

/* Does the spawner hold a lock at this access (here or inherited from every caller)?
 * Then the access is synchronized on its side; whether it is the right lock is
 * data-race's question, not a borrow conflict. */
static bool spawner_holds_lock(struct thr_context *context, const struct thr_state *state,
                               const struct block *block, const struct inst *inst)
{
    if (state->held_count)
        return true;
    const struct ir_tu *tu = context->check->tu;
    for (unsigned f = 0; tu && f < tu->function_count; f++)
        if (tu->functions[f] == context->function) {
            unsigned count = 0;
            lock_inherited(context->check, f, &count);
            if (count)
                return true;
        }
    const struct lockset_result *locks = lockset_of(context->check, context->function);
    unsigned index = (unsigned)(inst - block->insts);
    for (unsigned i = 0; locks && i < locks->access_count; i++)
        if (locks->accesses[i].block == block && locks->accesses[i].inst_index == index)
            return locks->accesses[i].held_count > 0;
    return false;
}

static void access(struct thr_context *context, struct thr_state *state,
                   const struct block *block, const struct inst *inst, bool write, bool report)
{
    if (!report || !inst->path || synchronized_access(inst->path))
        return;
    for (unsigned r = 0; r < state->rec_count; r++) {
        const struct thread_rec *rec = &state->recs[r];
        if ((!thr_running(rec) && !rec->detached) || !touches_lent(rec, inst->path))
            continue;
        if (rec->lent_heap && write && inst->path->step_count == rec->lent->step_count)
            continue; /* reassigning the pointer itself, not the object */
        enum thread_finding_kind kind;
        if (write && conflicts(context, rec, inst->path, true) &&
            !spawner_holds_lock(context, state, block, inst))
            kind = THREAD_CONFLICT_WRITE;
        else if (!write && rec->writes && conflicts(context, rec, inst->path, false) &&
                 !spawner_holds_lock(context, state, block, inst))
            kind = THREAD_CONFLICT_READ;
        else if (rec->not_sync)
            kind = THREAD_NOT_SYNC;
        else
            continue;
        struct thread_finding *finding = add_finding(context, kind, inst->range, rec);
        if (finding && kind == THREAD_NOT_SYNC) {
            const struct type_info *type = object_type(rec->lent, rec->lent_heap);
            finding->type = type ? type->spelling : NULL;
            finding->shared_use = true;
        }
        return;
    }
}

static void moved_while_lent(struct thr_context *context, struct thr_state *state,
                             const struct inst *inst, bool report)
{
    const struct call *call = &inst->call;
    for (unsigned a = 0; a < call->arg_count && report; a++) {
        struct move_rule rule;
        const struct value *arg = &call->args[a];
        if (!arg->path || (arg->kind != VALUE_LOAD && arg->kind != VALUE_ADDRESS) ||
            !ownership_call_moves(call, a, &rule) || rule.spawn)
            continue;
        for (unsigned r = 0; r < state->rec_count; r++) {
            const struct thread_rec *rec = &state->recs[r];
            if (!thr_running(rec) || !rec->lent || !path_equal(rec->lent, arg->path))
                continue;
            add_finding(context, THREAD_CONFLICT_MOVE, arg->range, rec);
            break;
        }
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

/* Handing a NOT_SYNC object lent to a running thread to some other call: the spawner
 * uses it at the same time as the thread. */
static void shared_uses(struct thr_context *context, struct thr_state *state,
                        const struct inst *inst, bool report)
{
    const struct call *call = &inst->call;
    for (unsigned a = 0; a < call->arg_count && report; a++) {
        const struct value *arg = &call->args[a];
        if (!arg->path || (arg->kind != VALUE_LOAD && arg->kind != VALUE_ADDRESS))
            continue;
        for (unsigned r = 0; r < state->rec_count; r++) {
            const struct thread_rec *rec = &state->recs[r];
            if (!thr_running(rec) || !rec->not_sync || !rec->lent ||
                rec->lent_heap != (arg->kind == VALUE_LOAD) || !path_equal(rec->lent, arg->path))
                continue;
            struct thread_finding *finding = add_finding(context, THREAD_NOT_SYNC, arg->range, rec);
            if (finding) {
                const struct type_info *type = object_type(rec->lent, rec->lent_heap);
                finding->type = type ? type->spelling : NULL;
                finding->shared_use = true;
            }
            break;
        }
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

/* The lock a contract names, as an argument of this call (NULL when not resolvable). */
static bool effect_lock(struct thr_context *context, const struct call *call,
                        const struct lock_effect *effect, struct held_lock *lock)
{
    if (effect->lock.base == LOCK_BASE_GLOBAL && effect->lock.global) {
        *lock = (struct held_lock){path_of_var(context->check->arena, effect->lock.global), true};
        return true;
    }
    if (effect->lock.base != LOCK_BASE_PARAM || effect->lock.param_index < 0 ||
        (unsigned)effect->lock.param_index >= call->arg_count)
        return false;
    const struct value *arg = &call->args[effect->lock.param_index];
    if (!arg->path || (arg->kind != VALUE_LOAD && arg->kind != VALUE_ADDRESS))
        return false;
    *lock = (struct held_lock){arg->path, arg->kind == VALUE_ADDRESS};
    return true;
}

static void lock_effects(struct thr_context *context, struct thr_state *state,
                         const struct call *call)
{
    for (unsigned e = 0; e < call->callee->effect_count; e++) {
        const struct lock_effect *effect = &call->callee->effects[e];
        struct held_lock lock;
        if (!effect_lock(context, call, effect, &lock))
            continue;
        bool acquire = effect->kind == EFFECT_ACQUIRE || effect->kind == EFFECT_ACQUIRE_SHARED;
        bool release = effect->kind == EFFECT_RELEASE || effect->kind == EFFECT_RELEASE_SHARED ||
                       effect->kind == EFFECT_RELEASE_ANY;
        for (unsigned h = 0; h < state->held_count && (acquire || release); h++)
            if (state->held[h].address == lock.address && path_equal(state->held[h].path, lock.path)) {
                if (release)
                    state->held[h] = state->held[--state->held_count];
                acquire = false;
                break;
            }
        if (acquire && state->held_count < THREAD_MAX_HELD)
            state->held[state->held_count++] = lock;
    }
}

static void transfer_call(struct thr_context *context, struct thr_state *state,
                          const struct inst *inst, bool report)
{
    const struct function_info *callee = inst->call.callee;
    if (!callee)
        return;
    lock_effects(context, state, &inst->call);
    moved_while_lent(context, state, inst, report);
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
        shared_uses(context, state, inst, report);
        handle_escapes(state, inst);
    }
}

static void transfer_write(struct thr_context *context, struct thr_state *state,
                           const struct block *block, const struct inst *inst, bool report)
{
    const struct path *path = inst->path;
    if (!path)
        return;
    access(context, state, block, inst, true, report);
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
                    add_finding(context, THREAD_ESCAPE, rec->arg, rec);
                if (finding)
                    finding->end = end;
            }
            rec->lent = NULL;
        }
        if (rec->handle_count && rec->local_handle && rec->handles[0]->root == var) {
            if (running && report && !rec->detached && !rec->handle_escaped &&
                !rec->attr_unknown && !context->function->is_main) {
                struct thread_finding *finding =
                    add_finding(context, THREAD_NOT_JOINED, rec->spawn->range, rec);
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
        access(context, state, block, inst, false, report);
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
                add_finding(context, THREAD_MAIN_RETURNS, rec->spawn->range, rec);
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

static int equal_on_edge(enum compare compare, bool holds, long long k, long long value)
{
    if (!holds) {
        static const enum compare negate[] = {
            [COMPARE_NE] = COMPARE_EQ, [COMPARE_EQ] = COMPARE_NE, [COMPARE_LT] = COMPARE_GE,
            [COMPARE_LE] = COMPARE_GT, [COMPARE_GT] = COMPARE_LE, [COMPARE_GE] = COMPARE_LT};
        compare = negate[compare];
    }
    switch (compare) {
    case COMPARE_EQ: return k == value;
    case COMPARE_NE: return k == value ? 0 : -1;
    case COMPARE_LT: return value < k ? -1 : 0;
    case COMPARE_LE: return value <= k ? -1 : 0;
    case COMPARE_GT: return value > k ? -1 : 0;
    case COMPARE_GE: return value >= k ? -1 : 0;
    }
    return -1;
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
        int equal = equal_on_edge(term->condition.compare, edge->index == 0,
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
    result = calloc(1, sizeof *result);
    if (!result) {
        fprintf(stderr, "fearless: out of memory\n");
        abort();
    }
    result->count = context.count;
    result->findings = context.findings;
    if (check->cache)
        analysis_cache_store(check->cache, &threads_key, function, result, release_result);
    return result;
}

/* A parameter handed to a JOINS (DETACHES) parameter in the body joins (detaches) what the
 * caller passes: `static int join_ok(fl_thread *t) { return fl_join(t, NULL) == FL_OK; }`.
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
                    arg->path->step_count != 0 || arg->path->root->kind != VAR_PARAM)
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
