/* analysis/threads: spawn records, joins, escapes of lent locals, conflicts, dropped
 * handles, main returning, spawn failure, array handle summaries, on hand-built IR. */
#include <check.h>
#include <stdlib.h>

#include "analysis/threads.h"
#include "ir_builder_threads.h"

static struct builder b;
static struct ir_tu tu;
static struct check_context context;
static struct function_info *create_fn, *join_fn, *detach_fn, *entry_fn;
static struct var t_var, x_var, p_var;
static const struct type_info handle_type = {.kind = TYPE_INTEGER, .spelling = "pthread_t"};
static const struct type_info handles_type = {.kind = TYPE_ARRAY, .spelling = "pthread_t[4]",
                                              .pointee = &handle_type};

static void setup(void)
{
    b = (struct builder){.arena = arena_new()};
    tu = (struct ir_tu){0};
    context = context_for(&b, &tu);
    create_fn = callee_with(b.arena, "pthread_create", 4);
    create_fn->is_spawn = true;
    create_fn->spawn_handle_param = 0;
    create_fn->spawn_fn_param = 2;
    create_fn->spawn_arg_param = 3;
    create_fn->params[2].thread_fn = true;
    create_fn->params[3].thread_arg = true;
    create_fn->origin = ORIGIN_BUILTIN;
    join_fn = callee_with(b.arena, "pthread_join", 2);
    join_fn->params[0].joins = true;
    detach_fn = callee_with(b.arena, "pthread_detach", 1);
    detach_fn->params[0].detaches = true;
    entry_fn = callee_with(b.arena, "worker", 1); /* no body: assumed to write its arg */
    t_var = (struct var){.id = 1, .name = "t", .kind = VAR_LOCAL, .type = &handle_type};
    x_var = (struct var){.id = 2, .name = "x", .kind = VAR_LOCAL, .type = &int_type};
    p_var = (struct var){.id = 3, .name = "p", .kind = VAR_LOCAL, .type = &pointer_type};
}

static void teardown(void)
{
    analysis_cache_free(context.cache);
    arena_free(b.arena);
}

static unsigned spawn(struct block *block, struct value handle, struct value arg)
{
    struct value args[4] = {handle, {.kind = VALUE_NULL},
                            {.kind = VALUE_FUNCTION, .function = entry_fn}, arg};
    return add_call(&b, block, create_fn, 4, args);
}

static void join(struct block *block, struct value handle)
{
    struct value args[2] = {handle, {.kind = VALUE_NULL}};
    add_call(&b, block, join_fn, 2, args);
}

static const struct var *locals[] = {&t_var, &x_var, &p_var};

static struct ir_function *finish_with_locals(struct block *exit)
{
    struct ir_function *function = finish(&b, exit);
    function->locals = locals;
    function->local_count = 3;
    return function;
}

static unsigned count_kind(const struct threads_result *result, enum thread_finding_kind kind)
{
    unsigned count = 0;
    for (unsigned i = 0; i < result->count; i++)
        count += result->findings[i].kind == kind;
    return count;
}

START_TEST(lent_local_without_join_escapes)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), address(&b, &x_var));
    return_to(&b, entry, exit);
    const struct threads_result *result = threads_of(&context, finish_with_locals(exit));
    ck_assert_uint_eq(count_kind(result, THREAD_ESCAPE), 1);
    ck_assert_uint_eq(count_kind(result, THREAD_NOT_JOINED), 1);
    ck_assert_str_eq(result->findings[0].object, "x");
}
END_TEST

START_TEST(joined_before_return_is_clean)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), address(&b, &x_var));
    join(entry, load(&b, &t_var));
    return_to(&b, entry, exit);
    ck_assert_uint_eq(threads_of(&context, finish_with_locals(exit))->count, 0);
}
END_TEST

START_TEST(join_skipped_on_one_path_escapes)
{
    struct block *entry = add_block(&b), *joined = add_block(&b), *skipped = add_block(&b);
    struct block *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), address(&b, &x_var));
    branch_on(&b, entry, load(&b, &p_var), COMPARE_NE, 0, joined, skipped);
    join(joined, load(&b, &t_var));
    return_to(&b, joined, exit);
    return_to(&b, skipped, exit);
    const struct threads_result *result = threads_of(&context, finish_with_locals(exit));
    ck_assert_uint_eq(count_kind(result, THREAD_ESCAPE), 1);
}
END_TEST

START_TEST(failed_spawn_has_no_thread)
{
    struct block *entry = add_block(&b), *failed = add_block(&b), *ok = add_block(&b);
    struct block *exit = add_block(&b);
    unsigned temp = spawn(entry, address(&b, &t_var), address(&b, &x_var));
    branch_on(&b, entry, (struct value){.kind = VALUE_TEMP, .temp = temp}, COMPARE_NE, 0,
              failed, ok);
    return_to(&b, failed, exit);
    join(ok, load(&b, &t_var));
    return_to(&b, ok, exit);
    ck_assert_uint_eq(threads_of(&context, finish_with_locals(exit))->count, 0);
}
END_TEST

START_TEST(detached_thread_escapes_but_is_not_dropped)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), address(&b, &x_var));
    struct value handle = load(&b, &t_var);
    add_call(&b, entry, detach_fn, 1, &handle);
    return_to(&b, entry, exit);
    const struct threads_result *result = threads_of(&context, finish_with_locals(exit));
    ck_assert_uint_eq(count_kind(result, THREAD_ESCAPE), 1);
    ck_assert_uint_eq(count_kind(result, THREAD_NOT_JOINED), 0);
    ck_assert(result->findings[0].detached);
}
END_TEST

START_TEST(write_while_lent_conflicts)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), address(&b, &x_var));
    add_write(&b, entry, &x_var, (struct value){.kind = VALUE_INTEGER, .integer = 1});
    join(entry, load(&b, &t_var));
    add_write(&b, entry, &x_var, (struct value){.kind = VALUE_INTEGER, .integer = 2});
    return_to(&b, entry, exit);
    const struct threads_result *result = threads_of(&context, finish_with_locals(exit));
    ck_assert_uint_eq(result->count, 1);
    ck_assert_int_eq(result->findings[0].kind, THREAD_CONFLICT_WRITE);
}
END_TEST

START_TEST(read_while_unknown_thread_writes_conflicts)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), address(&b, &x_var));
    add_read(&b, entry, &x_var);
    join(entry, load(&b, &t_var));
    return_to(&b, entry, exit);
    const struct threads_result *result = threads_of(&context, finish_with_locals(exit));
    ck_assert_uint_eq(count_kind(result, THREAD_CONFLICT_READ), 1);
}
END_TEST

/* for (...) create(&t[i]); for (...) join(t[i]);  -- clean */
START_TEST(array_of_handles_joined_in_a_second_loop)
{
    static struct var ts = {.id = 7, .name = "ts", .kind = VAR_LOCAL, .type = &handles_type};
    struct step element = {.kind = STEP_INDEX, .index = INDEX_UNKNOWN, .type = &handle_type};
    const struct path *slot = path_append(b.arena, path_of_var(b.arena, &ts), element);
    struct block *entry = add_block(&b), *h1 = add_block(&b), *body1 = add_block(&b);
    struct block *h2 = add_block(&b), *body2 = add_block(&b), *done = add_block(&b);
    struct block *exit = add_block(&b);
    link_blocks(&b, entry, h1, false);
    branch_on(&b, h1, load(&b, &p_var), COMPARE_NE, 0, body1, h2);
    spawn(body1, (struct value){.kind = VALUE_ADDRESS, .path = slot}, (struct value){.kind = VALUE_NULL});
    link_blocks(&b, body1, h1, true);
    branch_on(&b, h2, load(&b, &p_var), COMPARE_NE, 0, body2, done);
    join(body2, (struct value){.kind = VALUE_LOAD, .path = slot});
    link_blocks(&b, body2, h2, true);
    return_to(&b, done, exit);
    struct ir_function *function = finish_with_locals(exit);
    function->is_main = true;
    ck_assert_uint_eq(threads_of(&context, function)->count, 0);
}
END_TEST

START_TEST(main_returning_with_running_thread_warns)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), (struct value){.kind = VALUE_NULL});
    return_to(&b, entry, exit);
    struct ir_function *function = finish_with_locals(exit);
    function->is_main = true;
    const struct threads_result *result = threads_of(&context, function);
    ck_assert_uint_eq(result->count, 1);
    ck_assert_int_eq(result->findings[0].kind, THREAD_MAIN_RETURNS);
}
END_TEST

START_TEST(freeing_lent_heap_object_conflicts)
{
    struct function_info *free_fn = callee_with(b.arena, "free", 1);
    free_fn->params[0].moved = true;
    free_fn->origin = ORIGIN_BUILTIN;
    struct block *entry = add_block(&b), *exit = add_block(&b);
    spawn(entry, address(&b, &t_var), load(&b, &p_var));
    struct value arg = load(&b, &p_var);
    add_call(&b, entry, free_fn, 1, &arg);
    join(entry, load(&b, &t_var));
    return_to(&b, entry, exit);
    const struct threads_result *result = threads_of(&context, finish_with_locals(exit));
    ck_assert_uint_eq(count_kind(result, THREAD_CONFLICT_MOVE), 1);
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *suite = suite_create("threads");
    TCase *tcase = tcase_create("flow");
    tcase_add_checked_fixture(tcase, setup, teardown);
    tcase_add_test(tcase, lent_local_without_join_escapes);
    tcase_add_test(tcase, joined_before_return_is_clean);
    tcase_add_test(tcase, join_skipped_on_one_path_escapes);
    tcase_add_test(tcase, failed_spawn_has_no_thread);
    tcase_add_test(tcase, detached_thread_escapes_but_is_not_dropped);
    tcase_add_test(tcase, write_while_lent_conflicts);
    tcase_add_test(tcase, read_while_unknown_thread_writes_conflicts);
    tcase_add_test(tcase, array_of_handles_joined_in_a_second_loop);
    tcase_add_test(tcase, main_returning_with_running_thread_warns);
    tcase_add_test(tcase, freeing_lent_heap_object_conflicts);
    suite_add_tcase(suite, tcase);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(threads_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
