/* analysis/ownership: moves, maybe-moves, MOVED_IF refinement, loops, aliases, revival
 * and contract inference, on IR built by hand. */
#include <check.h>
#include <stdlib.h>

#include "analysis/ownership.h"
#include "ir_builder_threads.h"

static struct builder b;
static struct ir_tu tu;
static struct check_context context;
static struct function_info *free_fn, *send_fn, *use_fn;
static struct var p_var, q_var, v_var;

static void setup(void)
{
    b = (struct builder){.arena = arena_new()};
    tu = (struct ir_tu){0};
    context = context_for(&b, &tu);
    free_fn = callee_with(b.arena, "free", 1);
    free_fn->params[0].moved = true;
    free_fn->origin = ORIGIN_BUILTIN;
    send_fn = callee_with(b.arena, "fl_send", 1);
    send_fn->params[0].moved_if = true;
    send_fn->params[0].moved_if_value = 0;
    use_fn = callee_with(b.arena, "use", 1);
    p_var = (struct var){.id = 1, .name = "p", .kind = VAR_LOCAL, .type = &pointer_type};
    q_var = (struct var){.id = 2, .name = "q", .kind = VAR_LOCAL, .type = &pointer_type};
    v_var = (struct var){.id = 3, .name = "v", .kind = VAR_LOCAL, .type = &pointer_type};
}

static void teardown(void)
{
    analysis_cache_free(context.cache);
    arena_free(b.arena);
}

static void free_var(struct block *block, const struct var *var)
{
    add_read(&b, block, var);
    struct value arg = load(&b, var);
    add_call(&b, block, free_fn, 1, &arg);
}

START_TEST(use_after_free_is_reported_with_its_origin)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    free_var(entry, &p_var);
    add_read(&b, entry, &p_var);
    return_to(&b, entry, exit);
    const struct ownership_result *result = ownership_of(&context, finish(&b, exit));
    ck_assert_uint_eq(result->use_count, 1);
    ck_assert(!result->uses[0].maybe);
    ck_assert(!result->uses[0].previous_iteration);
    ck_assert_ptr_eq(result->uses[0].origin.callee, free_fn);
    ck_assert_uint_eq(result->uses[0].use.begin.line, 3);
}
END_TEST

START_TEST(move_on_one_path_is_maybe)
{
    struct block *entry = add_block(&b), *then = add_block(&b), *join = add_block(&b);
    struct block *exit = add_block(&b);
    branch_on(&b, entry, load(&b, &q_var), COMPARE_NE, 0, then, join);
    free_var(then, &p_var);
    link_blocks(&b, then, join, false);
    add_read(&b, join, &p_var);
    return_to(&b, join, exit);
    const struct ownership_result *result = ownership_of(&context, finish(&b, exit));
    ck_assert_uint_eq(result->use_count, 1);
    ck_assert(result->uses[0].maybe);
}
END_TEST

START_TEST(reassignment_revives)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    free_var(entry, &p_var);
    add_write(&b, entry, &p_var, (struct value){.kind = VALUE_NULL});
    add_read(&b, entry, &p_var);
    return_to(&b, entry, exit);
    ck_assert_uint_eq(ownership_of(&context, finish(&b, exit))->use_count, 0);
}
END_TEST

START_TEST(pointer_copies_move_together)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    add_write(&b, entry, &q_var, load(&b, &p_var));
    free_var(entry, &p_var);
    add_read(&b, entry, &q_var);
    return_to(&b, entry, exit);
    const struct ownership_result *result = ownership_of(&context, finish(&b, exit));
    ck_assert_uint_eq(result->use_count, 1);
    ck_assert_ptr_eq(result->uses[0].path->root, &q_var);
}
END_TEST

/* if (fl_send(&v) != 0) { v still ours } else { v moved } */
START_TEST(moved_if_splits_on_the_tested_result)
{
    struct block *entry = add_block(&b), *failed = add_block(&b), *sent = add_block(&b);
    struct block *exit = add_block(&b);
    struct value arg = address(&b, &v_var);
    unsigned temp = add_call(&b, entry, send_fn, 1, &arg);
    branch_on(&b, entry, (struct value){.kind = VALUE_TEMP, .temp = temp}, COMPARE_NE, 0,
              failed, sent);
    add_read(&b, failed, &v_var);
    return_to(&b, failed, exit);
    add_read(&b, sent, &v_var);
    return_to(&b, sent, exit);
    const struct ownership_result *result = ownership_of(&context, finish(&b, exit));
    ck_assert_uint_eq(result->use_count, 1);
    ck_assert_uint_eq(result->uses[0].use.begin.line, sent->insts[0].range.begin.line);
    ck_assert(!result->uses[0].maybe);
}
END_TEST

START_TEST(untested_moved_if_is_maybe)
{
    struct block *entry = add_block(&b), *exit = add_block(&b);
    struct value arg = address(&b, &v_var);
    add_call(&b, entry, send_fn, 1, &arg);
    add_read(&b, entry, &v_var);
    return_to(&b, entry, exit);
    const struct ownership_result *result = ownership_of(&context, finish(&b, exit));
    ck_assert_uint_eq(result->use_count, 1);
    ck_assert(result->uses[0].maybe);
    ck_assert(result->uses[0].origin.conditional);
}
END_TEST

/* while (q) free(p);  -- the move reaches itself through the back edge */
START_TEST(loop_move_is_previous_iteration)
{
    struct block *entry = add_block(&b), *header = add_block(&b), *body = add_block(&b);
    struct block *after = add_block(&b), *exit = add_block(&b);
    link_blocks(&b, entry, header, false);
    branch_on(&b, header, load(&b, &q_var), COMPARE_NE, 0, body, after);
    free_var(body, &p_var);
    link_blocks(&b, body, header, true);
    return_to(&b, after, exit);
    const struct ownership_result *result = ownership_of(&context, finish(&b, exit));
    ck_assert_uint_eq(result->use_count, 1);
    ck_assert(result->uses[0].previous_iteration);
    ck_assert(!result->uses[0].maybe);
}
END_TEST

START_TEST(copies_are_not_moved)
{
    static const struct var n_var = {.id = 9, .name = "n", .kind = VAR_LOCAL, .type = &int_type};
    struct block *entry = add_block(&b), *exit = add_block(&b);
    struct value arg = address(&b, &n_var);
    add_call(&b, entry, send_fn, 1, &arg);
    add_read(&b, entry, &n_var);
    return_to(&b, entry, exit);
    ck_assert_uint_eq(ownership_of(&context, finish(&b, exit))->use_count, 0);
}
END_TEST

/* void destroy(char *p) { if (!p) return; free(p); } infers p moved. */
START_TEST(summarize_infers_moved_parameter)
{
    static struct var param = {.id = 5, .name = "p", .kind = VAR_PARAM, .type = &pointer_type};
    const struct var *params[] = {&param};
    struct function_info *info = callee_with(b.arena, "destroy", 1);
    struct block *entry = add_block(&b), *null = add_block(&b), *body = add_block(&b);
    struct block *exit = add_block(&b);
    branch_on(&b, entry, load(&b, &param), COMPARE_EQ, 0, null, body);
    return_to(&b, null, exit);
    free_var(body, &param);
    return_to(&b, body, exit);
    struct ir_function *function = finish(&b, exit);
    function->params = params;
    function->param_count = 1;
    function->info = info;
    ownership_summarize(&context, function);
    ck_assert(info->params[0].inferred_moved);
    ck_assert_int_eq(info->origin, ORIGIN_INFERRED);
}
END_TEST

START_TEST(summarize_skips_partial_moves)
{
    static struct var param = {.id = 5, .name = "p", .kind = VAR_PARAM, .type = &pointer_type};
    const struct var *params[] = {&param};
    struct function_info *info = callee_with(b.arena, "maybe", 1);
    struct block *entry = add_block(&b), *then = add_block(&b), *other = add_block(&b);
    struct block *exit = add_block(&b);
    branch_on(&b, entry, load(&b, &q_var), COMPARE_NE, 0, then, other);
    free_var(then, &param);
    return_to(&b, then, exit);
    return_to(&b, other, exit);
    struct ir_function *function = finish(&b, exit);
    function->params = params;
    function->param_count = 1;
    function->info = info;
    ownership_summarize(&context, function);
    ck_assert(!info->params[0].inferred_moved);
}
END_TEST

static struct function_info *spawn_fn(void)
{
    struct function_info *spawn = callee_with(b.arena, "fl_spawn", 3);
    spawn->is_spawn = true;
    spawn->spawn_handle_param = 0;
    spawn->spawn_fn_param = 1;
    spawn->spawn_arg_param = 2;
    spawn->params[2].thread_arg = true;
    spawn->params[2].moved_if = true; /* MOVED_IF(FL_OK): an untested spawn took it */
    return spawn;
}

START_TEST(spawn_moves_its_argument_unless_no_thread)
{
    static struct function_info entry = {.name = "worker"};
    struct function_info *spawn = spawn_fn();
    struct block *entry_block = add_block(&b), *exit = add_block(&b);
    struct value args[3] = {address(&b, &q_var), {.kind = VALUE_NULL}, load(&b, &p_var)};
    add_call(&b, entry_block, spawn, 3, args); /* NULL thread function: no thread */
    add_read(&b, entry_block, &p_var);
    args[1] = (struct value){.kind = VALUE_FUNCTION, .function = &entry};
    args[2] = load(&b, &p_var);
    add_call(&b, entry_block, spawn, 3, args);
    add_read(&b, entry_block, &p_var);
    return_to(&b, entry_block, exit);
    const struct ownership_result *result = ownership_of(&context, finish(&b, exit));
    ck_assert_uint_eq(result->use_count, 1);
    ck_assert(result->uses[0].origin.spawn);
    ck_assert(!result->uses[0].maybe);
    ck_assert_uint_eq(result->uses[0].use.begin.line, entry_block->insts[3].range.begin.line);
}
END_TEST

static Suite *ownership_suite(void)
{
    Suite *suite = suite_create("ownership");
    TCase *tcase = tcase_create("flow");
    tcase_add_checked_fixture(tcase, setup, teardown);
    tcase_add_test(tcase, use_after_free_is_reported_with_its_origin);
    tcase_add_test(tcase, move_on_one_path_is_maybe);
    tcase_add_test(tcase, reassignment_revives);
    tcase_add_test(tcase, pointer_copies_move_together);
    tcase_add_test(tcase, moved_if_splits_on_the_tested_result);
    tcase_add_test(tcase, untested_moved_if_is_maybe);
    tcase_add_test(tcase, loop_move_is_previous_iteration);
    tcase_add_test(tcase, copies_are_not_moved);
    tcase_add_test(tcase, summarize_infers_moved_parameter);
    tcase_add_test(tcase, summarize_skips_partial_moves);
    tcase_add_test(tcase, spawn_moves_its_argument_unless_no_thread);
    suite_add_tcase(suite, tcase);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(ownership_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
