/* lock-order: two locks taken in opposite orders (in two functions of the TU, or on two
 * paths of one), or against a declared ACQUIRED_BEFORE / ACQUIRED_AFTER: two threads
 * doing so can each hold one lock and wait for the other forever. */
#include <stdlib.h>
#include <string.h>

#include "analysis/lock_paths.h"
#include "analysis/lock_report.h"

/* A lock's identity across functions: a global by its path, a field lock by its field
 * (every `struct acct`'s `mu` is one class), anything else only inside its function. */
struct order_key {
    const struct path *global;
    const struct field_info *field;
    const struct ir_function *function;
    const struct path *local;
};

struct order_pair {
    const struct lock_pair *pair;
    const struct ir_function *function;
    struct order_key first, second;
};

static struct order_key key_of(const struct path *lock, const struct ir_function *function)
{
    struct order_key key = {0};
    if (lock->root && (lock->root->kind == VAR_GLOBAL || lock->root->kind == VAR_STATIC_LOCAL)) {
        key.global = lock;
    } else if (lock->step_count > 0 && lock->steps[lock->step_count - 1].kind == STEP_FIELD) {
        key.field = lock->steps[lock->step_count - 1].field;
    } else {
        key.function = function;
        key.local = lock;
    }
    return key;
}

static bool key_equal(const struct order_key *a, const struct order_key *b)
{
    if (a->global || b->global)
        return a->global && b->global && path_equal(a->global, b->global);
    if (a->field || b->field)
        return a->field == b->field;
    return a->function == b->function && path_equal(a->local, b->local);
}

static void report_inversion(struct check_context *context, const struct order_pair *one,
                             const struct order_pair *other)
{
    const char *first = lockset_name(context, one->pair->first_shown);
    const char *second = lockset_name(context, one->pair->second_shown);
    const char *other_first = lockset_name(context, other->pair->first_shown);
    const char *other_second = lockset_name(context, other->pair->second_shown);
    struct diagnostic *diag = diag_new("lock-order", SEVERITY_WARNING, one->pair->second_site,
                                       "acquiring '%s' while holding '%s' inverts the lock "
                                       "order used in '%s'", second, first,
                                       other->function->name ? other->function->name : "?");
    diag_add_note(diag, one->pair->first_site, "'%s' acquired here first", first);
    diag_add_note(diag, other->pair->first_site, "in '%s', '%s' is acquired first",
                  other->function->name ? other->function->name : "?", other_first);
    diag_add_note(diag, other->pair->second_site, "and '%s' acquired here while it is held",
                  other_second);
    diag_add_note(diag, one->pair->second_site,
                  "help: two threads taking these locks in opposite orders can deadlock; "
                  "acquire them in one order everywhere");
    check_report(context, diag);
}

/* Does `declaring`'s ACQUIRED_BEFORE/AFTER list name a lock equal (as a key) to `other`? */
static bool list_names(const struct lock_path *const *list, const struct path *declaring,
                       const struct order_key *other, struct check_context *context,
                       const struct ir_function *function)
{
    const struct path *object = declaring->step_count > 0
                                    ? path_prefix(context->arena, declaring,
                                                  declaring->step_count - 1)
                                    : NULL;
    for (unsigned i = 0; list && list[i]; i++) {
        const struct path *named = lock_resolve_sibling(context->arena, list[i], object);
        if (!named)
            continue;
        struct order_key key = key_of(named, function);
        if (key_equal(&key, other))
            return true;
    }
    return false;
}

static const struct field_info *lock_field(const struct path *lock)
{
    if (lock->step_count > 0 && lock->steps[lock->step_count - 1].kind == STEP_FIELD)
        return lock->steps[lock->step_count - 1].field;
    return lock->step_count == 0 && lock->root ? lock->root->guard : NULL;
}

/* Held `first`, acquired `second`: does a declaration say `second` comes first? */
static bool check_declared(struct check_context *context, const struct order_pair *pair)
{
    const struct path *first = pair->pair->first, *second = pair->pair->second;
    const struct field_info *first_field = lock_field(first);
    const struct field_info *second_field = lock_field(second);
    const struct field_info *declaring = NULL;
    if (second_field && list_names(second_field->acquired_before, second, &pair->first, context,
                                   pair->function))
        declaring = second_field;
    else if (first_field && list_names(first_field->acquired_after, first, &pair->second,
                                       context, pair->function))
        declaring = first_field;
    if (!declaring)
        return false;
    const char *held = lockset_name(context, pair->pair->first_shown);
    const char *taken = lockset_name(context, pair->pair->second_shown);
    struct diagnostic *diag = diag_new("lock-order", SEVERITY_WARNING, pair->pair->second_site,
                                       "acquiring '%s' while holding '%s' violates the declared "
                                       "lock order", taken, held);
    diag_add_note(diag, pair->pair->first_site, "'%s' acquired here first", held);
    diag_add_note(diag, declaring->decl, "'%s' is declared to be acquired %s",
                  declaring->name, declaring == second_field ? "before it" : "after it");
    diag_add_note(diag, pair->pair->second_site, "help: acquire '%s' before '%s'", taken, held);
    check_report(context, diag);
    return true;
}

static unsigned collect(struct check_context *context, struct order_pair **out)
{
    unsigned count = 0, capacity = 0;
    struct order_pair *pairs = NULL;
    for (unsigned f = 0; f < context->tu->function_count; f++) {
        const struct ir_function *function = context->tu->functions[f];
        const struct lockset_result *result = lockset_of(context, function);
        for (unsigned i = 0; !result->skipped && i < result->pair_count; i++) {
            if (count == capacity) {
                capacity = capacity ? capacity * 2 : 16;
                struct order_pair *grown = realloc(pairs, capacity * sizeof *pairs);
                if (!grown)
                    break;
                pairs = grown;
            }
            const struct lock_pair *pair = &result->pairs[i];
            pairs[count++] = (struct order_pair){pair, function, key_of(pair->first, function),
                                                 key_of(pair->second, function)};
        }
    }
    *out = pairs;
    return count;
}

static void check_tu(struct check_context *context)
{
    struct order_pair *pairs = NULL;
    unsigned count = collect(context, &pairs);
    bool *reported = calloc(count + 1, sizeof *reported);
    for (unsigned i = 0; reported && i < count; i++) {
        if (key_equal(&pairs[i].first, &pairs[i].second) || reported[i])
            continue;
        if (check_declared(context, &pairs[i]))
            continue;
        for (unsigned j = i + 1; j < count; j++) {
            if (!key_equal(&pairs[i].first, &pairs[j].second) ||
                !key_equal(&pairs[i].second, &pairs[j].first))
                continue;
            report_inversion(context, &pairs[j], &pairs[i]);
            /* One warning per pair of locks, whatever the number of sites. */
            for (unsigned k = 0; k < count; k++)
                if ((key_equal(&pairs[k].first, &pairs[i].first) &&
                     key_equal(&pairs[k].second, &pairs[i].second)) ||
                    (key_equal(&pairs[k].first, &pairs[i].second) &&
                     key_equal(&pairs[k].second, &pairs[i].first)))
                    reported[k] = true;
            break;
        }
    }
    free(reported);
    free(pairs);
}

const struct check check_lock_order = {
    .name = "lock-order",
    .severity = SEVERITY_WARNING,
    .summary = "two locks acquired in opposite orders: potential deadlock",
    .explanation =
        "If one thread takes `a` then `b` while another takes `b` then `a`, each can end\n"
        "up holding one lock and waiting for the other forever: the deadlock Rust's book\n"
        "warns about for Mutex<T>. fearless compares the orders used by every function of\n"
        "the file, and the orders declared with ACQUIRED_BEFORE / ACQUIRED_AFTER.\n"
        "\n"
        "Wrong:\n"
        "    void *left(void *p)  { lock(&a); lock(&b); ...; unlock(&b); unlock(&a); }\n"
        "    void *right(void *p) { lock(&b); lock(&a); ...; unlock(&a); unlock(&b); }\n"
        "\n"
        "Right: both take `a` first.\n"
        "    void *right(void *p) { lock(&a); lock(&b); ...; unlock(&b); unlock(&a); }\n",
    .summarize = lockset_summarize,
    .check_tu = check_tu,
};
