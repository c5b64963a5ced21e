/* Accesses by the spawner while its threads run: conflicts with what a thread does with
 * a lent object (borrow-conflict), uses of NOT_SYNC objects shared with it (not-sync), and
 * the locks the spawner holds (synchronized accesses are data-race's business). */
#include <stdio.h>

#include "analysis/lock_inherit.h"
#include "analysis/lockset.h"
#include "analysis/ownership.h"
#include "analysis/threads_internal.h"

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

void threads_access(struct thr_context *context, struct thr_state *state,
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
        struct thread_finding *finding = threads_add_finding(context, kind, inst->range, rec);
        if (finding && kind == THREAD_NOT_SYNC) {
            const struct type_info *type = threads_object_type(rec->lent, rec->lent_heap);
            finding->type = type ? type->spelling : NULL;
            finding->shared_use = true;
        }
        return;
    }
}

void threads_moved_while_lent(struct thr_context *context, struct thr_state *state,
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
            threads_add_finding(context, THREAD_CONFLICT_MOVE, arg->range, rec);
            break;
        }
    }
}

/* Handing a NOT_SYNC object lent to a running thread to some other call: the spawner
 * uses it at the same time as the thread. */
void threads_shared_uses(struct thr_context *context, struct thr_state *state,
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
            struct thread_finding *finding = threads_add_finding(context, THREAD_NOT_SYNC, arg->range, rec);
            if (finding) {
                const struct type_info *type = threads_object_type(rec->lent, rec->lent_heap);
                finding->type = type ? type->spelling : NULL;
                finding->shared_use = true;
            }
            break;
        }
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

void threads_lock_effects(struct thr_context *context, struct thr_state *state,
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
