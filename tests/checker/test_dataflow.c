/* The dataflow engine on a tiny constant lattice for one variable `x`: fixpoints over
 * several CFG shapes, widening, edge refinement, unreachable blocks, and the reporting
 * replay visiting each reached block exactly once. */
#include <check.h>
#include <stdlib.h>

#include "dataflow/dataflow.h"
#include "engine_snippet.h"

enum lattice { L_BOTTOM, L_CONST, L_TOP };

struct cstate {
    enum lattice kind;
    long long value;
    unsigned trips;   /* for the widening test: grows by one around every loop */
};

struct context {
    unsigned replayed[64];       /* reporting visits per block id */
    unsigned solved_visits[64];  /* fixpoint visits per block id */
    unsigned widen_calls;
    bool refine;                 /* transfer_edge: on `x == k` true edges, x is k */
    bool count_trips;
};

static void *entry_state(void *context, const struct ir_function *function)
{
    (void)context;
    (void)function;
    struct cstate *state = calloc(1, sizeof *state);
    state->kind = L_TOP; /* unknown at entry */
    return state;
}

static void *bottom_state(void *context)
{
    (void)context;
    return calloc(1, sizeof(struct cstate));
}

static void *copy_state(void *context, const void *state)
{
    (void)context;
    struct cstate *copy = malloc(sizeof *copy);
    *copy = *(const struct cstate *)state;
    return copy;
}

static void release_state(void *context, void *state)
{
    (void)context;
    free(state);
}

static bool join_state(void *context, void *into_state, const void *from_state, const struct edge *edge)
{
    (void)edge;
    struct context *ctx = context;
    struct cstate *into = into_state;
    const struct cstate *from = from_state;
    struct cstate before = *into;
    if (from->kind == L_BOTTOM)
        return false;
    if (into->kind == L_BOTTOM)
        *into = *from;
    else if (into->kind == L_CONST && (from->kind == L_TOP || from->value != into->value))
        into->kind = L_TOP;
    if (ctx->count_trips && from->trips > into->trips)
        into->trips = from->trips;
    return before.kind != into->kind || before.value != into->value || before.trips != into->trips;
}

static bool widen_state(void *context, void *into_state, const void *from_state, const struct edge *edge)
{
    struct context *ctx = context;
    ctx->widen_calls++;
    struct cstate *into = into_state;
    bool changed = join_state(context, into_state, from_state, edge);
    if (into->trips != 1000) {
        into->trips = 1000; /* jump to "many": the top of the trip counter */
        changed = true;
    }
    return changed;
}

static bool is_x(const struct path *path)
{
    return path && path->step_count == 0 && strcmp(path->root->name, "x") == 0;
}

static void transfer_inst(void *context, void *state_pointer, const struct block *block,
                          const struct inst *inst, bool report)
{
    (void)context;
    (void)block;
    (void)report;
    struct cstate *state = state_pointer;
    if (state->kind == L_BOTTOM || inst->kind != INST_WRITE || !is_x(inst->path))
        return;
    if (inst->value.kind == VALUE_INTEGER) {
        state->kind = L_CONST;
        state->value = inst->value.integer;
    } else {
        state->kind = L_TOP;
    }
}

static void transfer_edge(void *context, void *state_pointer, const struct edge *edge, bool report)
{
    (void)report;
    struct context *ctx = context;
    struct cstate *state = state_pointer;
    const struct terminator *term = &edge->from->terminator;
    if (ctx->count_trips && edge->back_edge && state->trips < 1000)
        state->trips++;
    if (!ctx->refine || term->kind != TERM_BRANCH || !term->condition.known ||
        term->condition.tested.kind != VALUE_LOAD || !is_x(term->condition.tested.path) ||
        term->condition.compare != COMPARE_EQ)
        return;
    if (edge->index == 0) {
        if (state->kind == L_CONST && state->value != term->condition.constant)
            state->kind = L_BOTTOM; /* infeasible */
        else if (state->kind != L_BOTTOM) {
            state->kind = L_CONST;
            state->value = term->condition.constant;
        }
    }
}

static void transfer_terminator(void *context, void *state, const struct block *block, bool report)
{
    (void)state;
    struct context *ctx = context;
    if (block->id < 64) {
        if (report)
            ctx->replayed[block->id]++;
        else
            ctx->solved_visits[block->id]++;
    }
}

static const struct dataflow_ops ops = {
    entry_state, bottom_state, copy_state, release_state, join_state, widen_state,
    transfer_inst, transfer_edge, transfer_terminator,
};

static struct snippet *snippet;
static struct context ctx;

static void teardown(void)
{
    if (snippet)
        snippet_free(snippet);
    snippet = NULL;
}

static struct dataflow_result *run(const char *code, struct ir_function **function)
{
    snippet = snippet_lower(code);
    *function = snippet_function(snippet, "f");
    memset(&ctx, 0, sizeof ctx);
    return dataflow_run(*function, &ops, &ctx);
}

static const struct cstate *exit_state(struct dataflow_result *result, const struct ir_function *f)
{
    return dataflow_in_state(result, f->exit);
}

static void assert_replayed_once(const struct dataflow_result *result, const struct ir_function *f)
{
    for (unsigned b = 0; b < f->block_count && b < 64; b++)
        ck_assert_uint_eq(ctx.replayed[b], dataflow_in_state(result, f->blocks[b]) ? 1 : 0);
}

START_TEST(straight_line)
{
    struct ir_function *f;
    struct dataflow_result *result = run("void f(void) { int x = 1; x = 2; }", &f);
    const struct cstate *state = exit_state(result, f);
    ck_assert_ptr_nonnull(state);
    ck_assert_int_eq(state->kind, L_CONST);
    ck_assert_int_eq(state->value, 2);
    assert_replayed_once(result, f);
    dataflow_result_free(result);
}
END_TEST

START_TEST(diamond_joins)
{
    struct ir_function *f;
    struct dataflow_result *result = run(
        "void f(int c) { int x; if (c) x = 1; else x = 2; }", &f);
    ck_assert_int_eq(exit_state(result, f)->kind, L_TOP);
    assert_replayed_once(result, f);
    dataflow_result_free(result);
    teardown();
    result = run("void f(int c) { int x; if (c) x = 1; else x = 1; }", &f);
    ck_assert_int_eq(exit_state(result, f)->kind, L_CONST);
    ck_assert_int_eq(exit_state(result, f)->value, 1);
    dataflow_result_free(result);
}
END_TEST

START_TEST(loops_converge)
{
    struct ir_function *f;
    struct dataflow_result *result = run(
        "int g(void);\n"
        "void f(void) { int x = 0; while (g()) { if (g()) x = 5; for (int i = 0; i < 3; i++) x = 0; } }",
        &f);
    ck_assert_int_eq(exit_state(result, f)->kind, L_TOP);
    for (unsigned b = 0; b < f->block_count; b++)
        ck_assert_uint_le(ctx.solved_visits[b], 6);
    assert_replayed_once(result, f);
    dataflow_result_free(result);
}
END_TEST

START_TEST(widening_stops_growth)
{
    struct ir_function *f;
    snippet = snippet_lower("int g(void); void f(void) { int x = 0; while (g()) x = 1; }");
    f = snippet_function(snippet, "f");
    memset(&ctx, 0, sizeof ctx);
    ctx.count_trips = true; /* without widening this would climb to 1000 */
    struct dataflow_result *result = dataflow_run(f, &ops, &ctx);
    ck_assert_uint_gt(ctx.widen_calls, 0);
    for (unsigned b = 0; b < f->block_count; b++)
        ck_assert_uint_le(ctx.solved_visits[b], 8);
    ck_assert_uint_eq(exit_state(result, f)->trips, 1000);
    assert_replayed_once(result, f);
    dataflow_result_free(result);
}
END_TEST

START_TEST(unreachable_blocks_are_not_visited)
{
    struct ir_function *f;
    struct dataflow_result *result = run(
        "void g(void); void f(void) { int x = 1; for (;;) g(); }", &f);
    ck_assert_ptr_null(exit_state(result, f));
    ck_assert_uint_eq(ctx.replayed[f->exit->id], 0);
    ck_assert_uint_eq(ctx.solved_visits[f->exit->id], 0);
    assert_replayed_once(result, f);
    dataflow_result_free(result);
}
END_TEST

START_TEST(edges_refine)
{
    struct ir_function *f;
    snippet = snippet_lower("int g(void); void f(void) { int x = g(); if (x == 4) { g(); } }");
    f = snippet_function(snippet, "f");
    memset(&ctx, 0, sizeof ctx);
    ctx.refine = true;
    struct dataflow_result *result = dataflow_run(f, &ops, &ctx);
    const struct block *then_block = f->entry->successors[0].to;
    const struct cstate *state = dataflow_in_state(result, then_block);
    ck_assert_int_eq(state->kind, L_CONST);
    ck_assert_int_eq(state->value, 4);
    ck_assert_int_eq(((const struct cstate *)dataflow_in_state(result, f->entry))->kind, L_TOP);
    dataflow_result_free(result);
}
END_TEST

START_TEST(infeasible_edge_gives_bottom)
{
    struct ir_function *f;
    snippet = snippet_lower("int g(void); void f(void) { int x = 3; if (x == 4) { g(); } }");
    f = snippet_function(snippet, "f");
    memset(&ctx, 0, sizeof ctx);
    ctx.refine = true;
    struct dataflow_result *result = dataflow_run(f, &ops, &ctx);
    const struct cstate *state = dataflow_in_state(result, f->entry->successors[0].to);
    ck_assert_ptr_nonnull(state);
    ck_assert_int_eq(state->kind, L_BOTTOM);
    ck_assert_int_eq(exit_state(result, f)->kind, L_CONST);
    ck_assert_int_eq(exit_state(result, f)->value, 3);
    assert_replayed_once(result, f);
    dataflow_result_free(result);
}
END_TEST

START_TEST(goto_and_switch_shapes)
{
    struct ir_function *f;
    struct dataflow_result *result = run(
        "int g(void);\n"
        "void f(void) {\n"
        "  int x = 1;\n"
        "again:\n"
        "  switch (g()) { case 0: x = 1; break; case 1: goto again; default: x = 1; }\n"
        "}\n",
        &f);
    ck_assert_int_eq(exit_state(result, f)->kind, L_CONST);
    ck_assert_int_eq(exit_state(result, f)->value, 1);
    assert_replayed_once(result, f);
    dataflow_result_free(result);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("dataflow");
    TCase *tc = tcase_create("engine");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, straight_line);
    tcase_add_test(tc, diamond_joins);
    tcase_add_test(tc, loops_converge);
    tcase_add_test(tc, widening_stops_growth);
    tcase_add_test(tc, unreachable_blocks_are_not_visited);
    tcase_add_test(tc, edges_refine);
    tcase_add_test(tc, infeasible_edge_gives_bottom);
    tcase_add_test(tc, goto_and_switch_shapes);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
