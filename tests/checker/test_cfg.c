/* CFG shapes of every C construct: blocks, edges, back edges, terminators, scope ends. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "engine_snippet.h"

static struct snippet *snippet;

static struct ir_function *lower_one(const char *code, const char *name)
{
    snippet = snippet_lower(code);
    struct ir_function *function = snippet_function(snippet, name);
    snippet_check_invariants(function);
    return function;
}

static void teardown(void)
{
    if (snippet)
        snippet_free(snippet);
    snippet = NULL;
}

/* The successor of `block` on `index`, skipping empty GOTO blocks (join points). */
static const struct block *follow(const struct block *block, unsigned index)
{
    const struct block *next = block->successors[index].to;
    while (next->inst_count == 0 && next->terminator.kind == TERM_GOTO && next->successor_count == 1)
        next = next->successors[0].to;
    return next;
}

START_TEST(if_else_diamond)
{
    struct ir_function *f = lower_one(
        "int f(int x) { int r; if (x) r = 1; else r = 2; return r; }", "f");
    const struct block *entry = f->entry;
    ck_assert_int_eq(entry->terminator.kind, TERM_BRANCH);
    ck_assert(entry->terminator.condition.known);
    ck_assert_int_eq(entry->terminator.condition.compare, COMPARE_NE);
    ck_assert_int_eq(entry->terminator.condition.tested.kind, VALUE_LOAD);
    ck_assert_str_eq(entry->terminator.condition.tested.path->root->name, "x");
    const struct block *then_block = entry->successors[0].to, *else_block = entry->successors[1].to;
    ck_assert_ptr_ne(then_block, else_block);
    ck_assert_int_eq(then_block->insts[0].kind, INST_WRITE);
    ck_assert_int_eq(then_block->insts[0].value.integer, 1);
    ck_assert_int_eq(else_block->insts[0].value.integer, 2);
    ck_assert_ptr_eq(follow(then_block, 0), follow(else_block, 0));
    ck_assert_int_eq(follow(then_block, 0)->terminator.kind, TERM_RETURN);
    ck_assert_uint_eq(snippet_count_back_edges(f), 0);
}
END_TEST

START_TEST(if_without_else)
{
    struct ir_function *f = lower_one("void g(void); void f(int x) { if (!x) g(); }", "f");
    const struct condition *condition = &f->entry->terminator.condition;
    ck_assert(condition->known);
    ck_assert_int_eq(condition->compare, COMPARE_EQ);
    ck_assert_int_eq(condition->constant, 0);
    const struct block *then_block = f->entry->successors[0].to;
    ck_assert_int_eq(then_block->insts[0].kind, INST_CALL);
    ck_assert_ptr_eq(follow(then_block, 0), follow(f->entry, 1));
}
END_TEST

START_TEST(while_loop_back_edge)
{
    struct ir_function *f = lower_one("void f(int x) { while (x) x--; }", "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 1);
    unsigned headers = 0;
    for (unsigned b = 0; b < f->block_count; b++) {
        const struct block *block = f->blocks[b];
        headers += block->loop_header;
        for (unsigned i = 0; i < block->inst_count; i++)
            if (block->insts[i].kind == INST_WRITE)
                ck_assert_uint_eq(block->loop_depth, 1);
    }
    ck_assert_uint_eq(headers, 1);
    ck_assert_uint_eq(f->exit->loop_depth, 0);
}
END_TEST

START_TEST(do_while_zero_has_no_loop)
{
    struct ir_function *f = lower_one(
        "void g(void); void f(void) { do { g(); } while (0); g(); }", "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 0);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 0);
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 2);
}
END_TEST

START_TEST(do_while_loops_back)
{
    struct ir_function *f = lower_one("void g(void); void f(int n) { do { g(); } while (--n); }", "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 1);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 1);
}
END_TEST

START_TEST(infinite_loop_exits_only_by_break)
{
    struct ir_function *f = lower_one(
        "int g(void); void f(void) { while (1) { if (g()) break; } g(); }", "f");
    /* One branch (the if), none for the constant loop condition. */
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 1);
    ck_assert_uint_eq(snippet_count_back_edges(f), 1);
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 2);
}
END_TEST

START_TEST(endless_loop_leaves_exit_unreachable)
{
    struct ir_function *f = lower_one("void g(void); void f(void) { for (;;) g(); }", "f");
    ck_assert_ptr_eq(f->blocks[f->block_count - 1], f->exit);
    ck_assert_uint_eq(f->exit->predecessor_count, 0);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_RETURN), 0);
}
END_TEST

START_TEST(for_loop_continue_and_break)
{
    struct ir_function *f = lower_one(
        "int g(int); void f(void) {\n"
        "  for (int i = 0; i < 10; i++) {\n"
        "    if (i == 3) continue;\n"
        "    if (g(i)) break;\n"
        "  }\n"
        "}\n",
        "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 1);
    /* The condition, the two ifs. */
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 3);
    /* `i` ends once where the loop is left (break and the exit share the block). */
    ck_assert_uint_eq(snippet_count_insts(f, INST_SCOPE_END), 1);
    bool compare_seen = false;
    for (unsigned b = 0; b < f->block_count; b++) {
        const struct condition *condition = &f->blocks[b]->terminator.condition;
        if (f->blocks[b]->terminator.kind == TERM_BRANCH && condition->known &&
            condition->compare == COMPARE_LT) {
            ck_assert_int_eq(condition->constant, 10);
            compare_seen = true;
        }
    }
    ck_assert(compare_seen);
}
END_TEST

START_TEST(for_loop_without_parts)
{
    struct ir_function *f = lower_one(
        "int g(void); void f(int i) { for (; g(); ) i++; for (i = 0;; i++) if (g()) return; }", "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 2);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 2);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_RETURN), 1); /* only the explicit one */
}
END_TEST

START_TEST(for_loop_from_macro)
{
    struct ir_function *f = lower_one(
        "#define EACH(i, n) for (i = 0; i < (n); i++)\n"
        "void g(int); void f(int n) { int i; EACH(i, n) g(i); }", "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 1);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 1);
    ck_assert_uint_eq(snippet_count_insts(f, INST_WRITE), 2); /* i = 0, i++ */
}
END_TEST

START_TEST(nested_loops_depth)
{
    struct ir_function *f = lower_one(
        "void g(void); void f(int a, int b) { while (a--) { while (b--) g(); } }", "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 2);
    unsigned deepest = 0;
    for (unsigned b = 0; b < f->block_count; b++) {
        const struct block *block = f->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++)
            if (block->insts[i].kind == INST_CALL && block->loop_depth > deepest)
                deepest = block->loop_depth;
    }
    ck_assert_uint_eq(deepest, 2);
}
END_TEST

static const struct block *switch_block(const struct ir_function *f)
{
    for (unsigned b = 0; b < f->block_count; b++)
        if (f->blocks[b]->terminator.kind == TERM_SWITCH)
            return f->blocks[b];
    ck_abort_msg("no switch");
    return NULL;
}

START_TEST(switch_fall_through_and_default)
{
    struct ir_function *f = lower_one(
        "void a(void); void b(void); void c(void);\n"
        "void f(int x) { switch (x) { case 1: a(); case 2: b(); break; default: c(); } }", "f");
    const struct block *sw = switch_block(f);
    ck_assert_uint_eq(sw->successor_count, 3);
    ck_assert_int_eq(sw->terminator.condition.tested.kind, VALUE_LOAD);
    const struct block *case1 = NULL, *case2 = NULL;
    unsigned defaults = 0;
    for (unsigned s = 0; s < sw->successor_count; s++) {
        const struct edge *edge = &sw->successors[s];
        if (edge->is_default)
            defaults++;
        else if (edge->case_value == 1)
            case1 = edge->to;
        else if (edge->case_value == 2)
            case2 = edge->to;
    }
    ck_assert_uint_eq(defaults, 1);
    ck_assert_ptr_nonnull(case1);
    ck_assert_ptr_nonnull(case2);
    /* case 1 falls through into case 2. */
    ck_assert_ptr_eq(follow(case1, 0), case2);
}
END_TEST

START_TEST(switch_without_default_and_ranges)
{
    struct ir_function *f = lower_one(
        "enum e { E0, E1 = 5 };\n"
        "void a(void);\n"
        "void f(int x) { switch (x) { case 1 ... 3: a(); break; case E1: break; } }", "f");
    const struct block *sw = switch_block(f);
    /* 1, 2, 3, E1 (5) and the implicit "no case matched" edge. */
    ck_assert_uint_eq(sw->successor_count, 5);
    long long sum = 0;
    unsigned defaults = 0;
    for (unsigned s = 0; s < sw->successor_count; s++) {
        if (sw->successors[s].is_default)
            defaults++;
        else
            sum += sw->successors[s].case_value;
    }
    ck_assert_uint_eq(defaults, 1);
    ck_assert_int_eq(sum, 1 + 2 + 3 + 5);
}
END_TEST

START_TEST(nested_switch_break)
{
    struct ir_function *f = lower_one(
        "void a(void);\n"
        "void f(int x, int y) { switch (x) { case 1: switch (y) { case 2: break; } a(); break; } }",
        "f");
    unsigned switches = snippet_count_terms(f, TERM_SWITCH);
    ck_assert_uint_eq(switches, 2);
    /* The inner break continues to the call, which is still reachable. */
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 1);
}
END_TEST

START_TEST(goto_forward_and_backward)
{
    struct ir_function *f = lower_one(
        "int g(void);\n"
        "int f(int n) {\n"
        "again:\n"
        "  if (n-- > 0) goto again;\n"
        "  if (g()) goto out;\n"
        "  g();\n"
        "out:\n"
        "  return 0;\n"
        "}\n",
        "f");
    ck_assert_uint_eq(snippet_count_back_edges(f), 1);
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 2);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_RETURN), 1);
}
END_TEST

START_TEST(goto_leaving_scopes_ends_locals)
{
    struct ir_function *f = lower_one(
        "int g(void);\n"
        "void f(void) {\n"
        "  { int a = g(); { int b = a; if (b) goto out; } }\n"
        "out:\n"
        "  return;\n"
        "}\n",
        "f");
    /* Each of a and b ends at its closing brace and on the goto path. */
    ck_assert_uint_eq(snippet_count_insts(f, INST_SCOPE_END), 4);
}
END_TEST

START_TEST(backward_goto_over_declaration)
{
    struct ir_function *f = lower_one(
        "int g(void);\n"
        "void f(void) {\n"
        "  again:;\n"
        "  int x = g();\n"
        "  if (x) goto again;\n"
        "}\n",
        "f");
    /* Jumping back above `x` ends it; falling off the end is a return (no SCOPE_END). */
    ck_assert_uint_eq(snippet_count_insts(f, INST_SCOPE_END), 1);
    ck_assert_uint_eq(snippet_count_back_edges(f), 1);
}
END_TEST

START_TEST(break_ends_block_locals)
{
    struct ir_function *f = lower_one(
        "void f(int x) { while (x) { int y = x; if (y) break; x--; } }", "f");
    ck_assert_uint_eq(snippet_count_insts(f, INST_SCOPE_END), 2);
    ck_assert_uint_eq(snippet_count_insts(f, INST_DECL), 1);
}
END_TEST

START_TEST(short_circuit_conditions)
{
    struct ir_function *f = lower_one(
        "int g(void); void h(void);\n"
        "void f(int a, int b) { if (a && b) h(); if (a || g()) h(); if (!(a && b)) h(); }", "f");
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 6);
    /* Calls: g, and h three times. */
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 4);
    /* Every h() is reachable from both sides of some branch. */
    for (unsigned b = 0; b < f->block_count; b++)
        if (f->blocks[b]->terminator.kind == TERM_BRANCH)
            ck_assert(f->blocks[b]->terminator.condition.known);
}
END_TEST

START_TEST(logical_value_and_conditional)
{
    struct ir_function *f = lower_one(
        "int g(void);\n"
        "int f(int a, int b) { int x = a && b; int y = a ? g() : b; return x + y; }", "f");
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 3);
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 1);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_RETURN), 1);
}
END_TEST

START_TEST(gnu_elvis_evaluates_once)
{
    struct ir_function *f = lower_one("int g(void); int f(int n) { return g() ?: n; }", "f");
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 1);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 1);
    ck_assert(f->entry->terminator.condition.known);
    ck_assert_int_eq(f->entry->terminator.condition.tested.kind, VALUE_TEMP);
}
END_TEST

START_TEST(comma_in_condition)
{
    struct ir_function *f = lower_one("int g(void); void f(int a) { if (g(), a) a = 2; }", "f");
    ck_assert_uint_eq(snippet_count_terms(f, TERM_BRANCH), 1);
    ck_assert_int_eq(f->entry->insts[f->entry->inst_count - 1].kind, INST_READ);
    ck_assert_str_eq(f->entry->terminator.condition.tested.path->root->name, "a");
}
END_TEST

START_TEST(statement_expression)
{
    struct ir_function *f = lower_one(
        "int f(int x) { int y = ({ int t = x; t + 1; }); return y; }", "f");
    ck_assert_uint_eq(snippet_count_insts(f, INST_DECL), 2);
    ck_assert_uint_eq(snippet_count_insts(f, INST_SCOPE_END), 1); /* t */
}
END_TEST

START_TEST(noreturn_calls_end_paths)
{
    struct ir_function *f = lower_one(
        "#include <stdlib.h>\n"
        "_Noreturn void die(void);\n"
        "void use(int *);\n"
        "void f(int *p) { if (!p) abort(); if (*p) die(); use(p); }", "f");
    ck_assert_uint_eq(snippet_count_terms(f, TERM_UNREACHABLE), 2);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_RETURN), 1);
}
END_TEST

START_TEST(functions_that_cannot_return_are_noreturn)
{
    snippet = snippet_lower(
        "#include <stdlib.h>\n"
        "static void die(const char *why) { (void)why; exit(1); }\n"
        "static void spin(void) { for (;;) ; }\n"
        "int g(void);\n"
        "int f(int *p) { if (!p) die(\"no p\"); return *p; }\n"
        "static void later(void);\n"
        "int h(int *p) { if (!p) later(); return *p; }\n"
        "static void later(void) { abort(); }\n");
    struct ir_function *h = snippet_function(snippet, "h");
    snippet_check_invariants(h);
    ck_assert_uint_eq(snippet_count_terms(h, TERM_UNREACHABLE), 1); /* defined after h */
    ck_assert_ptr_eq(model_function(snippet->model, "h")->body, h);
    ck_assert(model_function(snippet->model, "die")->noreturn);
    ck_assert(model_function(snippet->model, "spin")->noreturn);
    ck_assert(!model_function(snippet->model, "f")->noreturn);
    struct ir_function *f = snippet_function(snippet, "f");
    snippet_check_invariants(f);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_UNREACHABLE), 1);
}
END_TEST

START_TEST(cleanup_attribute_runs_at_every_exit)
{
    struct ir_function *f = lower_one(
        "void release(int **p);\n"
        "#define SCOPED __attribute__((cleanup(release)))\n"
        "int g(void);\n"
        "int f(int *x) {\n"
        "  SCOPED int *held = x;\n"
        "  if (g()) return 1;\n"
        "  while (g()) { __attribute__((cleanup(release))) int *inner = x; if (g()) break; }\n"
        "  return 0;\n"
        "}\n", "f");
    /* held: at both returns; inner: at the break and at the end of the loop body. */
    unsigned releases = 0;
    for (unsigned b = 0; b < f->block_count; b++)
        for (unsigned i = 0; i < f->blocks[b]->inst_count; i++) {
            const struct inst *inst = &f->blocks[b]->insts[i];
            if (inst->kind == INST_CALL && strcmp(inst->call.callee->name, "release") == 0) {
                releases++;
                ck_assert_int_eq(inst->call.args[0].kind, VALUE_ADDRESS);
            }
        }
    ck_assert_uint_eq(releases, 4);
}
END_TEST

START_TEST(code_after_return_is_dropped)
{
    struct ir_function *f = lower_one(
        "int g(void); int f(void) { return 1; g(); return 2; }", "f");
    ck_assert_uint_eq(snippet_count_insts(f, INST_CALL), 0);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_RETURN), 1);
    ck_assert_uint_eq(f->block_count, 2);
    ck_assert_int_eq(f->entry->terminator.value.integer, 1);
}
END_TEST

START_TEST(switch_and_loop_mix)
{
    struct ir_function *f = lower_one(
        "int g(void);\n"
        "void f(void) {\n"
        "  for (;;) {\n"
        "    switch (g()) {\n"
        "    case 0: continue;\n"
        "    case 1: return;\n"
        "    default: break;\n"
        "    }\n"
        "    g();\n"
        "  }\n"
        "}\n",
        "f");
    ck_assert_uint_eq(snippet_count_terms(f, TERM_SWITCH), 1);
    ck_assert_uint_eq(snippet_count_terms(f, TERM_RETURN), 1);
    ck_assert_uint_ge(snippet_count_back_edges(f), 1);
}
END_TEST

START_TEST(every_function_is_lowered)
{
    snippet = snippet_lower("static int a(void) { return 1; } int b(void) { return a(); }"
                            " int c(void);");
    ck_assert_uint_eq(snippet->tu->function_count, 2);
    ck_assert_ptr_nonnull(model_function(snippet->model, "c"));
    ck_assert_ptr_eq(model_function(snippet->model, "a")->body, snippet->tu->functions[0]);
}
END_TEST

static Suite *cfg_suite(void)
{
    Suite *suite = suite_create("cfg");
    TCase *tc = tcase_create("shapes");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, if_else_diamond);
    tcase_add_test(tc, if_without_else);
    tcase_add_test(tc, while_loop_back_edge);
    tcase_add_test(tc, do_while_zero_has_no_loop);
    tcase_add_test(tc, do_while_loops_back);
    tcase_add_test(tc, infinite_loop_exits_only_by_break);
    tcase_add_test(tc, endless_loop_leaves_exit_unreachable);
    tcase_add_test(tc, for_loop_continue_and_break);
    tcase_add_test(tc, for_loop_without_parts);
    tcase_add_test(tc, for_loop_from_macro);
    tcase_add_test(tc, nested_loops_depth);
    tcase_add_test(tc, switch_fall_through_and_default);
    tcase_add_test(tc, switch_without_default_and_ranges);
    tcase_add_test(tc, nested_switch_break);
    tcase_add_test(tc, goto_forward_and_backward);
    tcase_add_test(tc, goto_leaving_scopes_ends_locals);
    tcase_add_test(tc, backward_goto_over_declaration);
    tcase_add_test(tc, break_ends_block_locals);
    tcase_add_test(tc, short_circuit_conditions);
    tcase_add_test(tc, logical_value_and_conditional);
    tcase_add_test(tc, gnu_elvis_evaluates_once);
    tcase_add_test(tc, comma_in_condition);
    tcase_add_test(tc, statement_expression);
    tcase_add_test(tc, noreturn_calls_end_paths);
    tcase_add_test(tc, functions_that_cannot_return_are_noreturn);
    tcase_add_test(tc, cleanup_attribute_runs_at_every_exit);
    tcase_add_test(tc, code_after_return_is_dropped);
    tcase_add_test(tc, switch_and_loop_mix);
    tcase_add_test(tc, every_function_is_lowered);
    suite_add_tcase(suite, tc);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(cfg_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
