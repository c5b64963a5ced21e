/* Contracts inferred for unannotated functions of the TU, from how their locks look at
 * every return (bottom-up, so callees are summarized first):
 *   held on every return                    -> ACQUIRE / ACQUIRE_SHARED
 *   held exactly when returning constant v  -> TRY_ACQUIRE(v)
 *   the caller's lock released on every path -> RELEASE
 *   taken and given back inside             -> EXCLUDES (calling it holding it deadlocks)
 * Thread entry functions and main are never lock wrappers: what they leave held is a leak. */
#include <string.h>

#include "analysis/lock_threads.h"
#include "analysis/lockset_internal.h"
#include "support/arena.h"

struct inferred {
    struct lockset_vec effects;   /* struct lock_effect */
    struct lockset_vec locks;     /* const struct path *, one per effect */
    struct lockset_vec maybes;    /* struct lockset_maybe */
    struct lockset_vec maybe_locks; /* const struct path *, one per maybe */
};

static bool listed(const struct lockset_vec *locks, const struct path *lock)
{
    const struct path *const *items = locks->items;
    for (unsigned i = 0; i < locks->count; i++)
        if (path_equal(items[i], lock))
            return true;
    return false;
}

static bool already(const struct inferred *out, const struct path *lock)
{
    const struct path *const *locks = out->locks.items;
    for (unsigned i = 0; i < out->locks.count; i++)
        if (path_equal(locks[i], lock))
            return true;
    return false;
}

static void add_effect(struct lockset_run *run, struct inferred *out, const struct path *lock,
                       enum lock_effect_kind kind, long long success)
{
    if (already(out, lock))
        return;
    struct lock_path *named = lock_path_from(run->check->arena, lock, run->function);
    if (!named)
        return;
    struct lock_effect *effect = lockset_vec_push(&out->effects, sizeof *effect);
    effect->kind = kind;
    effect->lock = *named;
    effect->success_value = success;
    const struct path **slot = lockset_vec_push(&out->locks, sizeof *slot);
    *slot = lock;
}

/* Taken or released on some returns only: a maybe effect (lockset_internal.h). */
static void add_maybe(struct lockset_run *run, struct inferred *out, const struct lock_fact *fact)
{
    const struct lockset_return *returns = run->returns.items;
    bool held = false, released = false;
    for (unsigned r = 0; r < run->returns.count; r++) {
        const struct lock_fact *at = lock_state_find(returns[r].state, fact->lock);
        held |= at && lock_mask_may_held(at->mask) && !at->by_contract;
        released |= at && (at->mask & LS_RELEASED) && at->released_callers;
    }
    struct lock_path *named = (held || released) && !already(out, fact->lock) &&
                                      !listed(&out->maybe_locks, fact->lock)
                                  ? lock_path_from(run->check->arena, fact->lock, run->function)
                                  : NULL;
    if (!named)
        return;
    struct lockset_maybe *maybe = lockset_vec_push(&out->maybes, sizeof *maybe);
    maybe->lock = *named;
    maybe->release = !held;
    const struct path **slot = lockset_vec_push(&out->maybe_locks, sizeof *slot);
    *slot = fact->lock;
}

static bool constant_of(const struct value *value, long long *out)
{
    if (value->kind == VALUE_INTEGER) {
        *out = value->integer;
        return true;
    }
    if (value->kind == VALUE_NULL) {
        *out = 0;
        return true;
    }
    return false;
}

/* Held on some returns only: a trylock wrapper when the returned constant tells which. */
static bool try_value(const struct lockset_run *run, const struct path *lock, long long *success)
{
    const struct lockset_return *returns = run->returns.items;
    bool have_held = false;
    for (unsigned r = 0; r < run->returns.count; r++) {
        long long value;
        const struct lock_fact *fact = lock_state_find(returns[r].state, lock);
        unsigned mask = fact ? fact->mask : LS_UNTOUCHED;
        if (!constant_of(&returns[r].value, &value) ||
            (lock_mask_may_held(mask) && !lock_mask_must_held(mask)))
            return false;
        if (lock_mask_must_held(mask)) {
            if (!fact->by_try)
                return false;   /* a plain lock left held on one path is a leak */
            if (have_held && value != *success)
                return false;
            have_held = true;
            *success = value;
        }
    }
    for (unsigned r = 0; r < run->returns.count; r++) {
        long long value;
        constant_of(&returns[r].value, &value);
        if (!lock_mask_may_held(lock_state_mask(returns[r].state, lock)) && value == *success)
            return false;
    }
    return have_held;
}

static void infer_lock(struct lockset_run *run, struct inferred *out, const struct lock_fact *fact)
{
    const struct lockset_return *returns = run->returns.items;
    bool all_held = true, all_shared = true, all_released = true;
    for (unsigned r = 0; r < run->returns.count; r++) {
        const struct lock_fact *at = lock_state_find(returns[r].state, fact->lock);
        unsigned mask = at ? at->mask : LS_UNTOUCHED;
        all_held &= lock_mask_must_held(mask);
        all_shared &= mask == LS_SHARED;
        all_released &= mask == LS_RELEASED && at->released_callers;
    }
    long long success = 0;
    if (all_held)
        add_effect(run, out, fact->lock, all_shared ? EFFECT_ACQUIRE_SHARED : EFFECT_ACQUIRE, 0);
    else if (all_released)
        add_effect(run, out, fact->lock, EFFECT_RELEASE_ANY, 0);
    else if (try_value(run, fact->lock, &success))
        add_effect(run, out, fact->lock, EFFECT_TRY_ACQUIRE, success);
    else
        add_maybe(run, out, fact);
}

static void install(struct lockset_run *run, struct ir_function *function,
                    const struct inferred *out)
{
    if (out->maybes.count > 0) {
        struct lockset_maybes *maybes = ARENA_NEW(run->check->arena, struct lockset_maybes);
        maybes->count = out->maybes.count;
        maybes->items = lockset_vec_to_arena(run->check->arena, &out->maybes,
                                             sizeof(struct lockset_maybe));
        lockset_store_maybes(run->check, function, maybes);
    }
    if (out->effects.count == 0)
        return;
    struct function_info *info = function->info;
    info->effects = lockset_vec_to_arena(run->check->arena, &out->effects,
                                         sizeof(struct lock_effect));
    info->effect_count = out->effects.count;
    if (info->origin != ORIGIN_BUILTIN)
        info->origin = ORIGIN_INFERRED;
}

void lockset_infer_contract(struct lockset_run *run, struct ir_function *function)
{
    if (run->returns.count == 0 || function->is_main ||
        lock_threads_is_entry(run->check, function->info))
        return;
    struct inferred out = {0};
    const struct lockset_return *returns = run->returns.items;
    for (unsigned r = 0; r < run->returns.count; r++)
        for (unsigned i = 0; i < returns[r].state->fact_count; i++)
            infer_lock(run, &out, &returns[r].state->facts[i]);
    const struct path *const *taken = run->taken.items;
    for (unsigned i = 0; i < run->taken.count; i++)
        add_effect(run, &out, taken[i], EFFECT_EXCLUDES, 0);
    /* exclusive first: a lock read here and written (or waited on) is REQUIRES */
    const struct lock_requirement *required = run->required.items;
    for (int exclusive = 1; exclusive >= 0; exclusive--)
        for (unsigned i = 0; i < run->required.count; i++)
            if (required[i].exclusive == (exclusive == 1))
                add_effect(run, &out, required[i].lock,
                           exclusive ? EFFECT_REQUIRES : EFFECT_REQUIRES_SHARED, 0);
    install(run, function, &out);
    lockset_vec_free(&out.effects);
    lockset_vec_free(&out.locks);
    lockset_vec_free(&out.maybes);
    lockset_vec_free(&out.maybe_locks);
}
