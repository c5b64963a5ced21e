/* Unit tests of the lockset lattice (analysis/lock_state) and lock identity
 * (analysis/lock_paths): joins, must/may, trylock outcomes, resolving contract locks. */
#include <check.h>
#include <stdlib.h>

#include "analysis/lock_paths.h"
#include "analysis/lock_state.h"
#include "support/arena.h"

static struct type_info mutex_type = {.kind = TYPE_RECORD, .spelling = "pthread_mutex_t",
                                      .lock = LOCK_MUTEX};
static struct type_info long_type = {.kind = TYPE_INTEGER, .spelling = "long"};
static struct field_info acct_fields[2];
static struct record_info acct_record = {.name = "struct acct", .is_complete = true,
                                         .field_count = 2, .fields = acct_fields};
static struct type_info acct_type = {.kind = TYPE_RECORD, .spelling = "struct acct",
                                     .record = &acct_record};
static struct type_info acct_pointer = {.kind = TYPE_POINTER, .spelling = "struct acct *",
                                        .pointee = &acct_type};
static struct type_info mutex_pointer = {.kind = TYPE_POINTER, .spelling = "pthread_mutex_t *",
                                         .pointee = &mutex_type};

static struct var g_mu = {.id = 1, .name = "g_mu", .kind = VAR_GLOBAL, .type = &mutex_type};
static struct var h_mu = {.id = 2, .name = "h_mu", .kind = VAR_GLOBAL, .type = &mutex_type};
static struct var param_a = {.id = 3, .name = "a", .kind = VAR_PARAM, .type = &acct_pointer};
static struct var param_m = {.id = 4, .name = "m", .kind = VAR_PARAM, .type = &mutex_pointer};

static struct arena *arena;

static void setup(void)
{
    acct_fields[0] = (struct field_info){.name = "mu", .type = &mutex_type, .owner = &acct_record};
    acct_fields[1] = (struct field_info){.name = "balance", .type = &long_type,
                                         .owner = &acct_record};
    arena = arena_new();
}

static void teardown(void)
{
    arena_free(arena);
}

static struct lock_state *holding(const struct path *lock, unsigned mask)
{
    struct lock_state *state = lock_state_new(true);
    lock_state_touch(state, lock)->mask = mask;
    return state;
}

START_TEST(join_keeps_must_only_when_held_on_both_paths)
{
    const struct path *g = path_of_var(arena, &g_mu);
    struct lock_state *a = holding(g, LS_EXCL);
    struct lock_state *b = holding(g, LS_EXCL);
    ck_assert(!lock_state_join(a, b));
    ck_assert(lock_mask_must_held(lock_state_mask(a, g)));
    struct lock_state *c = lock_state_new(true);   /* never took it */
    ck_assert(lock_state_join(a, c));
    ck_assert(!lock_mask_must_held(lock_state_mask(a, g)));
    ck_assert(lock_mask_may_held(lock_state_mask(a, g)));
    lock_state_free(a);
    lock_state_free(b);
    lock_state_free(c);
}
END_TEST

START_TEST(join_with_unreached_is_identity)
{
    const struct path *g = path_of_var(arena, &g_mu);
    struct lock_state *bottom = lock_state_new(false);
    struct lock_state *held = holding(g, LS_SHARED);
    ck_assert(!lock_state_join(held, bottom));
    ck_assert_uint_eq(lock_state_mask(held, g), LS_SHARED);
    ck_assert(lock_state_join(bottom, held));
    ck_assert(bottom->reached);
    ck_assert_uint_eq(lock_state_mask(bottom, g), LS_SHARED);
    lock_state_free(bottom);
    lock_state_free(held);
}
END_TEST

START_TEST(released_on_one_path_is_known)
{
    const struct path *g = path_of_var(arena, &g_mu);
    const struct path *h = path_of_var(arena, &h_mu);
    struct lock_state *a = holding(g, LS_RELEASED);
    struct lock_state *b = holding(g, LS_EXCL);
    lock_state_touch(b, h)->mask = LS_EXCL;
    lock_state_join(a, b);
    unsigned mask = lock_state_mask(a, g);
    ck_assert(mask & LS_RELEASED);
    ck_assert(lock_mask_may_held(mask));
    ck_assert_uint_eq(lock_state_mask(a, h), LS_EXCL | LS_UNTOUCHED);
    ck_assert(!lock_mask_must_exclusive(LS_SHARED));
    ck_assert(lock_mask_must_exclusive(LS_EXCL));
    ck_assert(!lock_mask_must_held(LS_UNTOUCHED));
    lock_state_free(a);
    lock_state_free(b);
}
END_TEST

START_TEST(copy_is_deep)
{
    const struct path *g = path_of_var(arena, &g_mu);
    struct lock_state *a = holding(g, LS_EXCL);
    struct lock_state *b = lock_state_copy(a);
    lock_state_touch(b, g)->mask = LS_RELEASED;
    ck_assert_uint_eq(lock_state_mask(a, g), LS_EXCL);
    ck_assert_uint_eq(lock_state_mask(b, g), LS_RELEASED);
    lock_state_free(a);
    lock_state_free(b);
}
END_TEST

START_TEST(trylock_outcomes)
{
    /* pthread: 0 means acquired. */
    ck_assert_int_eq(lock_try_outcome(COMPARE_NE, 0, true, 0), TRY_FAILED);
    ck_assert_int_eq(lock_try_outcome(COMPARE_NE, 0, false, 0), TRY_ACQUIRED);
    ck_assert_int_eq(lock_try_outcome(COMPARE_EQ, 0, true, 0), TRY_ACQUIRED);
    ck_assert_int_eq(lock_try_outcome(COMPARE_EQ, 0, false, 0), TRY_FAILED);
    ck_assert_int_eq(lock_try_outcome(COMPARE_LT, 0, true, 0), TRY_FAILED);
    ck_assert_int_eq(lock_try_outcome(COMPARE_GT, 0, false, 0), TRY_ACQUIRED);
    ck_assert_int_eq(lock_try_outcome(COMPARE_EQ, 16, true, 0), TRY_FAILED);   /* == EBUSY */
    ck_assert_int_eq(lock_try_outcome(COMPARE_EQ, 16, false, 0), TRY_UNKNOWN);
    /* bool trylock: true means acquired. */
    ck_assert_int_eq(lock_try_outcome(COMPARE_NE, 0, true, 1), TRY_ACQUIRED);
    ck_assert_int_eq(lock_try_outcome(COMPARE_NE, 0, false, 1), TRY_FAILED);
}
END_TEST

static struct call call_with(struct value *arg)
{
    return (struct call){.arg_count = 1, .args = arg};
}

START_TEST(resolve_pointer_parameter_lock)
{
    /* ACQUIRE(m) on f(pthread_mutex_t *m), called as f(&g_mu) and as f(m). */
    struct lock_path lock = {.base = LOCK_BASE_PARAM, .param_index = 0, .deref_base = true,
                             .text = "m"};
    struct value address = {.kind = VALUE_ADDRESS, .path = path_of_var(arena, &g_mu)};
    struct call call = call_with(&address);
    const struct path *resolved = lock_resolve_call(arena, &lock, &call);
    ck_assert_ptr_nonnull(resolved);
    ck_assert(path_equal(resolved, path_of_var(arena, &g_mu)));

    struct value load = {.kind = VALUE_LOAD, .path = path_of_var(arena, &param_m)};
    call = call_with(&load);
    resolved = lock_resolve_call(arena, &lock, &call);
    ck_assert_ptr_nonnull(resolved);
    ck_assert_uint_eq(resolved->step_count, 1);
    ck_assert_int_eq(resolved->steps[0].kind, STEP_DEREF);
}
END_TEST

START_TEST(resolve_field_of_parameter)
{
    /* REQUIRES(a->mu) on f(struct acct *a), called with a. */
    struct lock_step steps[] = {{true, "mu"}};
    struct lock_path lock = {.base = LOCK_BASE_PARAM, .param_index = 0, .step_count = 1,
                             .steps = steps, .text = "a->mu"};
    struct value load = {.kind = VALUE_LOAD, .path = path_of_var(arena, &param_a)};
    struct call call = call_with(&load);
    const struct path *resolved = lock_resolve_call(arena, &lock, &call);
    ck_assert_ptr_nonnull(resolved);
    ck_assert_uint_eq(resolved->step_count, 2);
    ck_assert_ptr_eq(resolved->steps[1].field, &acct_fields[0]);

    /* GUARDED_BY(mu) on balance: next to the object *a. */
    struct lock_step sibling_steps[] = {{false, "mu"}};
    struct lock_path sibling = {.base = LOCK_BASE_SIBLING, .step_count = 1,
                                .steps = sibling_steps, .text = "mu"};
    const struct path *object = path_append(arena, path_of_var(arena, &param_a),
                                            (struct step){.kind = STEP_DEREF, .type = &acct_type});
    const struct path *guard = lock_resolve_sibling(arena, &sibling, object);
    ck_assert(path_equal(guard, resolved));

    /* An argument the analysis cannot name gives no lock rather than a wrong one. */
    struct value other = {.kind = VALUE_OTHER};
    call = call_with(&other);
    ck_assert_ptr_null(lock_resolve_call(arena, &lock, &call));
}
END_TEST

START_TEST(contract_form_round_trips)
{
    struct ir_function function = {.name = "lock_acct", .param_count = 1};
    const struct var *params[] = {&param_a};
    function.params = params;
    struct lock_step steps[] = {{true, "mu"}};
    struct lock_path lock = {.base = LOCK_BASE_PARAM, .param_index = 0, .step_count = 1,
                             .steps = steps};
    const struct path *entry = lock_resolve_entry(arena, &lock, &function);
    ck_assert_ptr_nonnull(entry);
    struct lock_path *back = lock_path_from(arena, entry, &function);
    ck_assert_ptr_nonnull(back);
    ck_assert_int_eq(back->base, LOCK_BASE_PARAM);
    ck_assert_int_eq(back->param_index, 0);
    ck_assert_uint_eq(back->step_count, 1);
    ck_assert(back->steps[0].through_pointer);
    ck_assert_str_eq(back->steps[0].field, "mu");
    /* A global round-trips as a global; a local cannot be named by a contract. */
    struct lock_path *global = lock_path_from(arena, path_of_var(arena, &g_mu), &function);
    ck_assert_ptr_nonnull(global);
    ck_assert_int_eq(global->base, LOCK_BASE_GLOBAL);
    struct var local = {.id = 9, .name = "mine", .kind = VAR_LOCAL, .type = &mutex_type};
    ck_assert_ptr_null(lock_path_from(arena, path_of_var(arena, &local), &function));
    ck_assert(lock_is_local(path_of_var(arena, &local)));
}
END_TEST

static Suite *lockset_suite(void)
{
    Suite *suite = suite_create("lockset");
    TCase *lattice = tcase_create("lattice");
    tcase_add_checked_fixture(lattice, setup, teardown);
    tcase_add_test(lattice, join_keeps_must_only_when_held_on_both_paths);
    tcase_add_test(lattice, join_with_unreached_is_identity);
    tcase_add_test(lattice, released_on_one_path_is_known);
    tcase_add_test(lattice, copy_is_deep);
    tcase_add_test(lattice, trylock_outcomes);
    suite_add_tcase(suite, lattice);
    TCase *paths = tcase_create("paths");
    tcase_add_checked_fixture(paths, setup, teardown);
    tcase_add_test(paths, resolve_pointer_parameter_lock);
    tcase_add_test(paths, resolve_field_of_parameter);
    tcase_add_test(paths, contract_form_round_trips);
    suite_add_tcase(suite, paths);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(lockset_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
