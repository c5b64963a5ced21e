/* Transfer functions of the lockset analysis: what each instruction, branch edge and
 * return does to the set of held locks, and the findings seen on the way (recorded only
 * in the engine's reporting replay, so each is seen once). */
#include <string.h>

#include "analysis/lock_threads.h"
#include "analysis/lockset_internal.h"
#include "support/arena.h"

static bool reporting(const struct lockset_run *run, bool report)
{
    return report && !run->summarizing && !run->quiet;
}

static struct lock_event *new_event(struct lockset_run *run, enum lock_event_kind kind,
                                    struct source_range range, const struct path *lock)
{
    struct lock_event *event = lockset_vec_push(&run->events, sizeof *event);
    event->kind = kind;
    event->range = range;
    event->lock = lock;
    return event;
}

static void copy_sites(struct lock_event *event, const struct lock_fact *fact)
{
    if (!fact)
        return;
    event->has_acquired = fact->has_acquired;
    event->acquired = fact->acquired;
    event->has_released = fact->has_released;
    event->released = fact->released;
}

/* `static void wait_registered(void) { while (!ready) pthread_cond_wait(&c, &init_lock); }`
 * or `static bool full(struct queue *q) { return q->count == CAP; }` (count GUARDED_BY mu)
 * called with the lock held: an unannotated helper that never touches the lock may get it
 * from its caller. It is inferred REQUIRES(lock) and the callers are checked instead; main,
 * thread entries and functions with a declared contract have no such caller. */
static bool called_in_tu(const struct ir_tu *tu, const struct function_info *info)
{
    for (unsigned f = 0; f < tu->function_count; f++)
        for (unsigned b = 0; b < tu->functions[f]->block_count; b++) {
            const struct block *block = tu->functions[f]->blocks[b];
            for (unsigned i = 0; i < block->inst_count; i++)
                if (block->insts[i].kind == INST_CALL && block->insts[i].call.callee == info)
                    return true;
        }
    return false;
}

/* ... and only when the TU calls it: a function no one here calls is an API whose contract
 * callers cannot see, so the missing lock is reported in it. */
static bool caller_may_hold(const struct lockset_run *run, const struct path *lock)
{
    const struct function_info *info = run->function->info;
    bool declared = info && info->origin == ORIGIN_DECLARED && info->effect_count > 0;
    return info && !declared && !run->function->is_main && !lock_is_local(lock) &&
           !lock_threads_is_entry(run->check, info) && called_in_tu(run->check->tu, info);
}

static void note_required(struct lockset_run *run, const struct path *lock, bool exclusive)
{
    if (!run->summarizing)
        return;
    struct lock_requirement *slot = lockset_vec_push(&run->required, sizeof *slot);
    slot->lock = lock;
    slot->exclusive = exclusive;
}

/* ---- accesses ------------------------------------------------------------------------ */

struct access {
    struct lockset_run *run;
    struct lock_state *state;
    const struct inst *inst;
    bool report;
};

static void need_lock(struct access *at, const struct path *data, const struct lock_path *guard,
                      const struct path *object, const struct field_info *field, bool write)
{
    struct arena *arena = at->run->check->arena;
    const struct path *lock = lock_resolve_sibling(arena, guard, object);
    if (!lock)
        return;
    struct lock_fact *fact = lock_state_find(at->state, lockset_canonical(at->run, lock));
    unsigned mask = fact ? fact->mask : LS_UNTOUCHED;
    bool ok = write ? lock_mask_must_exclusive(mask) : lock_mask_must_held(mask);
    if (!ok && mask == LS_UNTOUCHED && caller_may_hold(at->run, lock)) {
        note_required(at->run, lockset_canonical(at->run, lock), write);
        return;
    }
    if (ok || !reporting(at->run, at->report))
        return;
    struct lock_event *event = new_event(at->run, LOCK_EVENT_UNGUARDED, at->inst->range, lock);
    event->access = data;
    event->guard_field = field;
    event->write = write;
    event->need_exclusive = write;
    event->held_shared = write && lock_mask_must_held(mask);
    event->maybe = lock_mask_may_held(mask) && !event->held_shared;
    copy_sites(event, fact);
}

static int last_deref(const struct path *path)
{
    int last = -1;
    for (unsigned i = 0; i < path->step_count; i++)
        if (path->steps[i].kind == STEP_DEREF)
            last = (int)i;
    return last;
}

/* Guarded data touched by an access to `path` itself (not the pointers on its way). */
static void check_guarded(struct access *at, const struct path *path, bool write)
{
    struct arena *arena = at->run->check->arena;
    int deref = last_deref(path);
    const struct field_info *global = path->root ? path->root->guard : NULL;
    if (global && global->guarded_by && deref < 0)
        need_lock(at, path, global->guarded_by, NULL, global, write);
    if (global && global->pt_guarded_by && deref == 0)
        need_lock(at, path, global->pt_guarded_by, NULL, global, write);
    for (unsigned k = 0; k < path->step_count; k++) {
        const struct step *step = &path->steps[k];
        if (step->kind != STEP_FIELD || !step->field)
            continue;
        const struct path *object = NULL;
        if (step->field->guarded_by && (int)k > deref) {
            object = path_prefix(arena, path, k);
            need_lock(at, path, step->field->guarded_by, object, step->field, write);
        }
        if (step->field->pt_guarded_by && (int)k + 1 == deref) {
            object = object ? object : path_prefix(arena, path, k);
            need_lock(at, path, step->field->pt_guarded_by, object, step->field, write);
        }
    }
}

static void check_pointer_read(const struct path *pointer, void *data)
{
    check_guarded(data, pointer, false);
}

static void check_guard_pointer(struct access *at, const struct path *path)
{
    if (path->step_count == 0 || path->steps[0].kind != STEP_DEREF)
        return;
    for (unsigned i = 0; i < at->state->guard_count; i++) {
        const struct guard_pointer *guard = &at->state->guards[i];
        if (guard->var != path->root || !guard->dangling || !reporting(at->run, at->report))
            continue;
        struct lock_event *event = new_event(at->run, LOCK_EVENT_GUARD_AFTER_UNLOCK,
                                             at->inst->range, guard->lock);
        event->access = path_prefix(at->run->check->arena, path, 0);
        event->has_released = true;
        event->released = guard->released;
        event->other = guard->taken;
        return;
    }
}

static bool worth_recording(const struct path *path)
{
    if (!path->root || !path->type || path->type->is_atomic || path->type->lock != LOCK_NONE)
        return false;
    for (unsigned i = 0; i < path->step_count; i++)
        if (path->steps[i].type && path->steps[i].type->is_atomic)
            return false;
    if (path->root->kind == VAR_GLOBAL || path->root->kind == VAR_STATIC_LOCAL)
        return !(path->root->type && path->root->type->is_atomic);
    return path->root->kind == VAR_PARAM && path->step_count > 0 &&
           path->steps[0].kind == STEP_DEREF;
}

static const struct path **held_locks(struct lockset_run *run, const struct lock_state *state,
                                      unsigned *count)
{
    const struct path **held = ARENA_ARRAY(run->check->arena, const struct path *,
                                           state->fact_count + 1);
    *count = 0;
    for (unsigned i = 0; i < state->fact_count; i++)
        if (lock_mask_must_held(state->facts[i].mask))
            held[(*count)++] = state->facts[i].lock;
    return held;
}

static void record_access(struct access *at, const struct block *block, unsigned index,
                          const struct path *path, bool write)
{
    struct lockset_run *run = at->run;
    const struct path *canonical = lockset_canonical(run, path);
    if (!canonical || !worth_recording(canonical))
        return;
    struct lock_access *access = lockset_vec_push(&run->accesses, sizeof *access);
    access->path = canonical;
    access->shown = path;
    access->write = write;
    access->range = at->inst->range;
    access->block = block;
    access->inst_index = index;
    access->held = held_locks(run, at->state, &access->held_count);
}

/* Part of the initializer of a local being declared (`struct m m = {..., 5};`): the object
 * is not shared with anyone yet. */
static bool initializing(const struct block *block, const struct inst *inst)
{
    const struct var *root = inst->path->root;
    if (inst->kind != INST_WRITE || !root || root->kind != VAR_LOCAL)
        return false;
    for (const struct inst *before = inst; before-- > block->insts;) {
        if (before->kind == INST_DECL)
            return before->var == root;
        if (before->kind == INST_WRITE && before->path && before->path->root != root)
            return false;
    }
    return false;
}

/* `x += 1` is lowered as READ x; WRITE x (compound): the write stands for both. */
static bool read_of_compound_write(const struct block *block, const struct inst *inst)
{
    if (inst->kind != INST_READ)
        return false;
    for (const struct inst *next = inst + 1; next < block->insts + block->inst_count; next++) {
        if (next->kind == INST_WRITE)
            return next->compound && path_equal(next->path, inst->path);
        if (next->kind == INST_CALL)
            return false;
    }
    return false;
}

static void transfer_access(struct access *at, const struct block *block, const struct path *path,
                            bool write)
{
    if (!path || read_of_compound_write(block, at->inst))
        return;
    check_guard_pointer(at, path);
    if (!initializing(block, at->inst))
        check_guarded(at, path, write);
    path_for_each_deref_base(at->run->check->arena, path, check_pointer_read, at);
    if (reporting(at->run, at->report)) {
        unsigned index = (unsigned)(at->inst - block->insts);
        record_access(at, block, index, path, write);
    }
}

/* ---- calls ------------------------------------------------------------------------------ */

static void note_taken(struct lockset_run *run, const struct path *lock)
{
    if (!run->summarizing)
        return;
    const struct path **slot = lockset_vec_push(&run->taken, sizeof *slot);
    *slot = lock;
}

static void record_pairs(struct lockset_run *run, struct lock_state *state,
                         const struct path *lock, const struct path *shown,
                         struct source_range site)
{
    for (unsigned i = 0; i < state->fact_count; i++) {
        const struct lock_fact *held = &state->facts[i];
        if (!lock_mask_must_held(held->mask) || path_equal(held->lock, lock) ||
            !held->has_acquired)
            continue;
        struct lock_pair *pair = lockset_vec_push(&run->pairs, sizeof *pair);
        pair->first = held->lock;
        pair->second = lock;
        pair->first_shown = held->lock;
        pair->second_shown = shown;
        pair->first_site = held->acquired;
        pair->second_site = site;
    }
}

struct call_site {
    struct lockset_run *run;
    struct lock_state *state;
    const struct inst *inst;
    const struct lock_effect *effect;
    bool report;
};

/* `if (pthread_mutex_lock(&m) != 0) return -1;`: the POSIX and C11 lock functions return
 * 0 (thrd_success) when they lock; a result tested non-zero means the lock was not taken.
 * Only the builtin contracts: a user's ACQUIRE function may return anything. */
static void checked_acquire(struct call_site *at, const struct path *lock, bool shared,
                            unsigned mask_before)
{
    if (at->inst->call.callee->origin != ORIGIN_BUILTIN)
        return;
    struct pending_try pending = {
        .temp = at->inst->call.result_temp,
        .lock = lock,
        .shared = shared,
        .success = 0,
        .mask_before = mask_before,
        .checked = true,
        .site = at->inst->range,
    };
    lock_state_add_try(at->state, &pending);
}

static void acquire(struct call_site *at, const struct path *lock, const struct path *shown,
                    bool shared)
{
    struct lockset_run *run = at->run;
    struct lock_fact *fact = lock_state_touch(at->state, lock);
    checked_acquire(at, lock, shared, fact->mask);
    bool recursive = lockset_lock_may_recurse(run->check, lock) ||
                     lock_path_has_unknown_index(lock);
    bool conflict = !(shared && fact->mask == LS_SHARED);
    if (lock_mask_may_held(fact->mask) && conflict && !recursive && reporting(run, at->report)) {
        struct lock_event *event = new_event(run, LOCK_EVENT_DOUBLE, at->inst->range, shown);
        event->callee = at->inst->call.callee;
        event->maybe = !lock_mask_must_held(fact->mask);
        event->inferred = at->inst->call.callee->origin == ORIGIN_INFERRED;
        copy_sites(event, fact);
    }
    if (reporting(run, at->report))
        record_pairs(run, at->state, lock, shown, at->inst->range);
    if (fact->mask & LS_UNTOUCHED)
        note_taken(run, lock);
    fact->mask = shared ? LS_SHARED : LS_EXCL;
    fact->has_acquired = true;
    fact->acquired = at->inst->range;
    fact->by_try = false;
}

static void release(struct call_site *at, const struct path *lock, const struct path *shown)
{
    struct lockset_run *run = at->run;
    struct lock_fact *fact = lock_state_touch(at->state, lock);
    unsigned mask = fact->mask;
    bool definite = !lock_mask_may_held(mask) &&
                    (mask == LS_RELEASED || lock_is_local(lock) ||
                     (run->function->info && run->function->info->effect_count > 0 &&
                      run->function->info->origin == ORIGIN_DECLARED));
    bool some_path = (mask & LS_RELEASED) && lock_mask_may_held(mask);
    /* A recursive lock taken twice is released twice; the lattice keeps no count. */
    bool recursive = lockset_lock_may_recurse(run->check, lock);
    if ((definite || some_path || !lock_mask_must_held(mask)) && reporting(run, at->report) &&
        !lock_path_has_unknown_index(lock) && !recursive) {
        struct lock_event *event = new_event(run, LOCK_EVENT_NOT_HELD, at->inst->range, shown);
        event->callee = at->inst->call.callee;
        event->maybe = !(definite || some_path);
        event->some_paths = some_path;
        event->inferred = at->inst->call.callee->origin == ORIGIN_INFERRED;
        copy_sites(event, fact);
    }
    if (mask & LS_UNTOUCHED)
        fact->released_callers = true;
    fact->mask = LS_RELEASED;
    fact->has_released = true;
    fact->released = at->inst->range;
    for (unsigned i = 0; i < at->state->guard_count; i++)
        if (path_equal(lockset_canonical(run, at->state->guards[i].lock), lock)) {
            at->state->guards[i].dangling = true;
            at->state->guards[i].released = at->inst->range;
        }
}

static void require(struct call_site *at, const struct path *lock, const struct path *shown,
                    bool exclusive)
{
    struct lock_fact *fact = lock_state_find(at->state, lock);
    unsigned mask = fact ? fact->mask : LS_UNTOUCHED;
    bool ok = exclusive ? lock_mask_must_exclusive(mask) : lock_mask_must_held(mask);
    if (!ok && mask == LS_UNTOUCHED && caller_may_hold(at->run, lock)) {
        note_required(at->run, lock, exclusive);
        return;
    }
    if (ok || !reporting(at->run, at->report))
        return;
    struct lock_event *event = new_event(at->run, LOCK_EVENT_REQUIRED, at->inst->range, shown);
    event->callee = at->inst->call.callee;
    event->need_exclusive = exclusive;
    event->held_shared = exclusive && lock_mask_must_held(mask);
    event->maybe = lock_mask_may_held(mask) && !event->held_shared;
    copy_sites(event, fact);
}

static void exclude(struct call_site *at, const struct path *lock, const struct path *shown)
{
    struct lock_fact *fact = lock_state_find(at->state, lock);
    unsigned mask = fact ? fact->mask : LS_UNTOUCHED;
    if (!lock_mask_may_held(mask)) {
        note_taken(at->run, lock);
        /* The callee takes `lock` inside: an acquisition order as much as a direct lock. */
        if (reporting(at->run, at->report))
            record_pairs(at->run, at->state, lock, shown, at->inst->range);
        return;
    }
    if (lockset_lock_may_recurse(at->run->check, lock) || lock_path_has_unknown_index(lock) ||
        !reporting(at->run, at->report))
        return;
    struct lock_event *event = new_event(at->run, LOCK_EVENT_EXCLUDED, at->inst->range, shown);
    event->callee = at->inst->call.callee;
    event->maybe = !lock_mask_must_held(mask);
    event->inferred = at->inst->call.callee->origin == ORIGIN_INFERRED;
    copy_sites(event, fact);
}

static void start_try(struct call_site *at, const struct path *lock, bool shared)
{
    struct lock_fact *fact = lock_state_find(at->state, lock);
    struct pending_try pending = {
        .temp = at->inst->call.result_temp,
        .lock = lock,
        .shared = shared,
        .success = at->effect->success_value,
        .mask_before = fact ? fact->mask : LS_UNTOUCHED,
        .site = at->inst->range,
    };
    lock_state_add_try(at->state, &pending);
}

static void apply_effect(struct call_site *at)
{
    const struct lock_effect *effect = at->effect;
    struct lockset_run *run = at->run;
    const struct path *shown = lock_resolve_call(run->check->arena, &effect->lock,
                                                 &at->inst->call);
    if (!shown)
        return;
    const struct path *lock = lockset_canonical(run, shown);
    switch (effect->kind) {
    case EFFECT_ACQUIRE: acquire(at, lock, shown, false); break;
    case EFFECT_ACQUIRE_SHARED: acquire(at, lock, shown, true); break;
    case EFFECT_RELEASE: case EFFECT_RELEASE_SHARED: case EFFECT_RELEASE_ANY:
        release(at, lock, shown);
        break;
    case EFFECT_TRY_ACQUIRE: start_try(at, lock, false); break;
    case EFFECT_TRY_ACQUIRE_SHARED: start_try(at, lock, true); break;
    case EFFECT_REQUIRES: case EFFECT_WAIT: require(at, lock, shown, true); break;
    case EFFECT_REQUIRES_SHARED: require(at, lock, shown, false); break;
    case EFFECT_EXCLUDES: exclude(at, lock, shown); break;
    }
}

static void apply_maybe(struct lockset_run *run, struct lock_state *state,
                        const struct inst *inst, const struct lockset_maybe *maybe)
{
    const struct path *shown = lock_resolve_call(run->check->arena, &maybe->lock, &inst->call);
    if (!shown)
        return;
    struct lock_fact *fact = lock_state_touch(state, lockset_canonical(run, shown));
    if (maybe->release) {
        fact->mask |= LS_RELEASED;
        return;
    }
    fact->mask |= LS_EXCL;
    if (!fact->has_acquired) {
        fact->has_acquired = true;
        fact->acquired = inst->range;
    }
}

static void transfer_call(struct lockset_run *run, struct lock_state *state,
                          const struct inst *inst, bool report)
{
    const struct function_info *callee = inst->call.callee;
    if (!callee)
        return;
    if (callee->body && reporting(run, report)) {
        struct lock_callsite *site = lockset_vec_push(&run->callsites, sizeof *site);
        site->inst = inst;
        site->held = held_locks(run, state, &site->held_count);
    }
    struct call_site at = {run, state, inst, NULL, report};
    for (unsigned i = 0; i < callee->effect_count; i++) {
        at.effect = &callee->effects[i];
        apply_effect(&at);
    }
    const struct lockset_maybes *maybes = callee->body ? lockset_maybes_of(run->check,
                                                                            callee->body)
                                                       : NULL;
    for (unsigned i = 0; maybes && i < maybes->count; i++)
        apply_maybe(run, state, inst, &maybes->items[i]);
    if (callee->returns_guard) {
        const struct path *lock = lock_resolve_call(run->check->arena, callee->returns_guard,
                                                    &inst->call);
        if (lock) {
            struct guard_pointer guard = {.temp = inst->call.result_temp, .lock = lock,
                                          .taken = inst->range};
            lock_state_add_guard(state, &guard);
        }
    }
}

/* `v = <trylock result>` / `p = <guard>`: the variable now carries it. */
static void transfer_store(struct lock_state *state, const struct inst *inst)
{
    if (!inst->path || inst->path->step_count != 0)
        return;
    const struct var *var = inst->path->root;
    lock_state_forget_var(state, var);
    if (inst->value.kind != VALUE_TEMP)
        return;
    for (unsigned i = 0, n = state->try_count; i < n; i++)
        if (!state->tries[i].var && state->tries[i].temp == inst->value.temp) {
            struct pending_try copy = state->tries[i];
            copy.var = var;
            lock_state_add_try(state, &copy);
        }
    for (unsigned i = 0, n = state->guard_count; i < n; i++)
        if (!state->guards[i].var && state->guards[i].temp == inst->value.temp) {
            struct guard_pointer copy = state->guards[i];
            copy.var = var;
            lock_state_add_guard(state, &copy);
        }
}

void lockset_transfer_inst(void *context, void *state_, const struct block *block,
                           const struct inst *inst, bool report)
{
    struct lockset_run *run = context;
    struct lock_state *state = state_;
    if (!state->reached)
        return;
    struct access at = {run, state, inst, report};
    switch (inst->kind) {
    case INST_READ:
        transfer_access(&at, block, inst->path, false);
        break;
    case INST_WRITE:
        transfer_access(&at, block, inst->path, true);
        transfer_store(state, inst);
        break;
    case INST_CALL:
        transfer_call(run, state, inst, report);
        break;
    case INST_DECL:
    case INST_SCOPE_END:
        break;
    }
}

/* ---- branches and returns ------------------------------------------------------------------ */

void lockset_transfer_edge(void *context, void *state_, const struct edge *edge, bool report)
{
    struct lockset_run *run = context;
    struct lock_state *state = state_;
    (void)report;
    const struct terminator *term = &edge->from->terminator;
    if (!state->reached || term->kind != TERM_BRANCH || !term->condition.known)
        return;
    struct pending_try *pending = lock_state_find_try(state, &term->condition.tested);
    if (!pending)
        return;
    enum try_outcome outcome = lock_try_outcome(term->condition.compare,
                                                term->condition.constant, edge->index == 0,
                                                pending->success);
    if (outcome == TRY_UNKNOWN)
        return;
    struct pending_try taken = *pending;
    struct lock_fact *fact = lock_state_touch(state, taken.lock);
    if (outcome == TRY_FAILED) {
        /* a failed lock of a lock not touched before is not held (not "held by the
         * caller", which an untouched lock could be: a release there is no contract) */
        fact->mask = taken.checked && (taken.mask_before & LS_UNTOUCHED) ? LS_RELEASED
                                                                         : taken.mask_before;
        return;
    }
    if (fact->mask & LS_UNTOUCHED)
        note_taken(run, taken.lock);
    fact->mask = taken.shared ? LS_SHARED : LS_EXCL;
    fact->has_acquired = true;
    fact->acquired = taken.site;
    fact->by_try = true;
}

static bool expected_at_exit(const struct lockset_run *run, const struct path *lock)
{
    for (unsigned i = 0; i < run->expected_count; i++)
        if (path_equal(run->expected[i], lock))
            return true;
    return false;
}

static void report_leaks(struct lockset_run *run, const struct lock_state *state,
                         const struct block *block)
{
    for (unsigned i = 0; i < state->fact_count; i++) {
        const struct lock_fact *fact = &state->facts[i];
        if (!lock_mask_may_held(fact->mask) || fact->by_contract ||
            expected_at_exit(run, fact->lock))
            continue;
        struct lock_event *event = new_event(run, LOCK_EVENT_LEAKED, block->terminator.range,
                                             fact->lock);
        event->maybe = !lock_mask_must_held(fact->mask);
        copy_sites(event, fact);
    }
}

void lockset_transfer_terminator(void *context, void *state_, const struct block *block,
                                 bool report)
{
    struct lockset_run *run = context;
    struct lock_state *state = state_;
    if (!report || !state->reached || block->terminator.kind != TERM_RETURN)
        return;
    struct lockset_return *seen = lockset_vec_push(&run->returns, sizeof *seen);
    seen->state = lock_state_copy(state);
    seen->value = block->terminator.value;
    seen->range = block->terminator.range;
    if (!run->summarizing && !run->quiet)
        report_leaks(run, state, block);
}
