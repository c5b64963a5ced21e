/* Lowering of expressions: evaluation order, paths, values, READ/WRITE/CALL/DECL,
 * known conditions, locations. Checked on the readable dump (ir_dump_function) and on
 * the instructions themselves. */
#include <check.h>
#include <stdlib.h>

#include "engine_snippet.h"

static struct snippet *snippet;
static char *dump;

static void teardown(void)
{
    if (snippet)
        snippet_free(snippet);
    snippet = NULL;
    free(dump);
    dump = NULL;
}

static struct ir_function *lower_one(const char *code, const char *name)
{
    snippet = snippet_lower(code);
    struct ir_function *function = snippet_function(snippet, name);
    snippet_check_invariants(function);
    dump = snippet_dump(function);
    return function;
}

/* Each of `parts` occurs in the dump, in this order. */
static void assert_in_order(const char *const *parts)
{
    const char *at = dump;
    for (; *parts; parts++) {
        const char *found = strstr(at, *parts);
        ck_assert_msg(found != NULL, "'%s' not found (in order) in:\n%s", *parts, dump);
        at = found + strlen(*parts);
    }
}

static void assert_absent(const char *part)
{
    ck_assert_msg(strstr(dump, part) == NULL, "'%s' unexpected in:\n%s", part, dump);
}

static const struct inst *first_inst(const struct ir_function *function, enum inst_kind kind,
                                     const char *path_text)
{
    char buffer[128];
    for (unsigned b = 0; b < function->block_count; b++)
        for (unsigned i = 0; i < function->blocks[b]->inst_count; i++) {
            const struct inst *inst = &function->blocks[b]->insts[i];
            if (inst->kind == kind &&
                (!path_text || (inst->path && strcmp(path_format(inst->path, buffer, sizeof buffer), path_text) == 0)))
                return inst;
        }
    ck_abort_msg("no such instruction (%s) in:\n%s", path_text ? path_text : "", dump);
    return NULL;
}

#define PRELUDE                                                   \
    "#include <stdlib.h>\n"                                       \
    "struct in { int g; };\n"                                     \
    "struct s { struct s *next; struct in f; int arr[4]; int *p; };\n" \
    "int f(int);\n"

START_TEST(evaluation_order_of_assignment)
{
    lower_one(PRELUDE "void t(struct s *a, int c, int d) { a->f.g = f(c) + d; }", "t");
    static const char *const order[] = {"read c", "t0 = call f(load c)", "read d",
                                        "write a->f.g := other", NULL};
    assert_in_order(order);
    assert_absent("read a\n"); /* the pointer is read by the write itself */
}
END_TEST

START_TEST(paths_and_values)
{
    struct ir_function *fn = lower_one(PRELUDE
        "void t(struct s *a, int i) {\n"
        "  int arr[3];\n"
        "  int *q = arr;\n"
        "  int *r = arr + i;\n"
        "  int *u = a->p + 1;\n"
        "  void *v = (void *)a;\n"
        "  void *n = NULL;\n"
        "  int *w = &arr[2];\n"
        "  int **x = &a->next->p;\n"
        "  int k = *a->p;\n"
        "  struct s copy = *a;\n"
        "  copy.arr[i] = a->next->arr[1];\n"
        "}\n", "t");
    static const char *const order[] = {
        "decl arr", "decl q", "write q := &arr", "read i", "write r := &arr[_]",
        "read a->p", "write u := load a->p (derived)", "read a", "write v := load a",
        "write n := null", "write w := &arr[2]", "write x := &a->next->p",
        "read *a->p", "write k := load *a->p", "read *a", "write copy := load *a",
        "read a->next->arr[1]", "read i", "write copy.arr[_] := load a->next->arr[1]", NULL};
    assert_in_order(order);
    assert_absent("write arr"); /* `int arr[3]` has no initializer; 3 is its size */
    ck_assert_int_eq(first_inst(fn, INST_WRITE, "x")->value.kind, VALUE_ADDRESS);
    free(dump);
    snippet_free(snippet);
    lower_one("void t(int n) { int vla[n + 1]; vla[0] = n; }", "t");
    static const char *const vla[] = {"decl vla", "read n", "read n", "write vla[0] := load n", NULL};
    assert_in_order(vla);
}
END_TEST

START_TEST(path_steps)
{
    struct ir_function *fn = lower_one(PRELUDE
        "void t(struct s *a) { a->next->f.g = 1; }", "t");
    const struct inst *write = first_inst(fn, INST_WRITE, "a->next->f.g");
    const struct path *path = write->path;
    ck_assert_str_eq(path->root->name, "a");
    ck_assert_int_eq(path->root->kind, VAR_PARAM);
    ck_assert_uint_eq(path->step_count, 5);
    ck_assert_int_eq(path->steps[0].kind, STEP_DEREF);
    ck_assert_int_eq(path->steps[1].kind, STEP_FIELD);
    ck_assert_str_eq(path->steps[1].field->name, "next");
    ck_assert_int_eq(path->steps[2].kind, STEP_DEREF);
    ck_assert_str_eq(path->steps[3].field->name, "f");
    ck_assert_str_eq(path->steps[4].field->name, "g");
    ck_assert_int_eq(path->type->kind, TYPE_INTEGER);
    struct arena *arena = arena_new();
    const struct path *prefix = path_prefix(arena, path, 2);
    ck_assert(path_within(path, prefix));
    ck_assert(!path_within(prefix, path));
    ck_assert(path_equal(path_prefix(arena, path, 5), path));
    char buffer[64];
    ck_assert_str_eq(path_format(prefix, buffer, sizeof buffer), "a->next");
    ck_assert_str_eq(path_format(path_prefix(arena, path, 1), buffer, sizeof buffer), "*a");
    ck_assert_str_eq(path_format(path, buffer, 6), "a->ne"); /* truncated safely */
    arena_free(arena);
}
END_TEST

static void count_pointer(const struct path *pointer, void *data)
{
    char buffer[64];
    char *names = data;
    strcat(names, path_format(pointer, buffer, sizeof buffer));
    strcat(names, ";");
}

START_TEST(deref_bases)
{
    struct ir_function *fn = lower_one(PRELUDE "void t(struct s *a) { a->next->f.g = 1; }", "t");
    const struct inst *write = first_inst(fn, INST_WRITE, "a->next->f.g");
    char names[128] = "";
    path_for_each_deref_base(snippet->arena, write->path, count_pointer, names);
    ck_assert_str_eq(names, "a;a->next;");
}
END_TEST

START_TEST(pointer_indexes)
{
    struct ir_function *fn = lower_one(PRELUDE
        "void t(int **items, int *p, int i, struct s *a) {\n"
        "  free(items[i]);\n"
        "  p[2] = 1;\n"
        "  *(p + 1) = 2;\n"
        "  p[0] = 3;\n"
        "  a[i].p = 0;\n"
        "}\n", "t");
    static const char *const order[] = {"read i", "read items[_]", "call free(load items[_])",
                                        "write p[2] := 1", "write p[_] := 2", "write *p := 3",
                                        "read i", "write a[_].p := null", NULL};
    assert_in_order(order);
    const struct inst *first = first_inst(fn, INST_WRITE, "*p");
    const struct inst *unknown = first_inst(fn, INST_WRITE, "p[_]");
    const struct inst *two = first_inst(fn, INST_WRITE, "p[2]");
    ck_assert_int_eq(first->path->steps[0].kind, STEP_DEREF);
    ck_assert_int_eq(first->path->steps[0].index, 0);
    ck_assert_int_eq(unknown->path->steps[0].index, INDEX_UNKNOWN);
    ck_assert(!path_equal(two->path, first->path));
    ck_assert(path_within(two->path, unknown->path));
    ck_assert(path_within(unknown->path, two->path));
}
END_TEST

START_TEST(reads_of_arguments_and_returns)
{
    lower_one(PRELUDE "int t(int x, int *p) { f(x); f(*p); return x; }", "t");
    static const char *const order[] = {"read x", "call f(load x)", "read *p", "call f(load *p)",
                                        "read x", "return load x", NULL};
    assert_in_order(order);
}
END_TEST

START_TEST(compound_assignments_read_first)
{
    struct ir_function *fn = lower_one(PRELUDE "void t(int x, int *p) { x += f(1); p++; --x; }", "t");
    static const char *const order[] = {"call f(1)", "read x", "write x := other (compound)",
                                        "read p", "write p := load p (derived) (compound)",
                                        "read x", "write x := other (compound)", NULL};
    assert_in_order(order);
    ck_assert(first_inst(fn, INST_WRITE, "p")->compound);
}
END_TEST

START_TEST(declarations_and_initializers)
{
    lower_one(PRELUDE
        "struct pair { int *a; int *b; };\n"
        "void t(int x) { int y = x; struct pair p = {.b = &y}; struct pair q = {&x, 0}; int v[2] = {x};\n"
        "  struct pair r = (struct pair){.a = &x}; q = (struct pair){.b = &y}; }\n",
        "t");
    static const char *const order[] = {
        "decl y", "read x", "write y := load x", "decl p", "write p := other",
        "write p.b := &y", "decl q", "write q := other", "write q.a := &x", "write q.b := null",
        "decl v", "write v := other", "read x", "write v[0] := load x",
        "decl r", "write r := other", "write r.a := &x",
        "write q := other", "write q.b := &y", NULL};
    assert_in_order(order);
}
END_TEST

START_TEST(calls_and_function_values)
{
    struct ir_function *fn = lower_one(
        "#include <pthread.h>\n"
        "static void *run(void *arg) { return arg; }\n"
        "void t(int (*cb)(int), int x) {\n"
        "  pthread_t h; int local = 0;\n"
        "  pthread_create(&h, NULL, run, &local);\n"
        "  cb(x);\n"
        "  (*cb)(x);\n"
        "}\n", "t");
    const struct inst *create = first_inst(fn, INST_CALL, NULL);
    ck_assert_str_eq(create->call.callee->name, "pthread_create");
    ck_assert_uint_eq(create->call.arg_count, 4);
    ck_assert_int_eq(create->call.args[0].kind, VALUE_ADDRESS);
    ck_assert_int_eq(create->call.args[1].kind, VALUE_NULL);
    ck_assert_int_eq(create->call.args[2].kind, VALUE_FUNCTION);
    ck_assert_str_eq(create->call.args[2].function->name, "run");
    ck_assert_ptr_nonnull(create->call.args[2].function->body);
    ck_assert_int_eq(create->call.args[3].kind, VALUE_ADDRESS);
    ck_assert_str_eq(create->call.args[3].path->root->name, "local");
    static const char *const order[] = {"read cb", "t1 = call load cb(load x)", "read cb",
                                        "t2 = call load cb(load x)", NULL};
    assert_in_order(order);
    ck_assert_uint_eq(fn->temp_count, 3);
}
END_TEST

START_TEST(known_conditions)
{
    struct ir_function *fn = lower_one(
        "enum { FL_OK, FL_BAD };\n"
        "int g(void);\n"
        "void t(int *q) {\n"
        "  int rc = g();\n"
        "  if (rc == FL_OK) q = 0;\n"
        "  if (g() != 0) q = 0;\n"
        "  if (!q) q = 0;\n"
        "  if (0 < rc) q = 0;\n"
        "  if ((rc = g()) >= 2) q = 0;\n"
        "  if (rc + 1) q = 0;\n"
        "  if (__builtin_expect(rc == 3, 0)) q = 0;\n"
        "}\n", "t");
    static const char *const order[] = {
        "branch (load rc == 0)", "branch (t1 != 0)", "branch (load q == 0)",
        "branch (load rc > 0)", "branch (t2 >= 2)", "branch -> ", "branch (load rc == 3)", NULL};
    assert_in_order(order);
    assert_absent("__builtin_expect");
    (void)fn;
}
END_TEST

START_TEST(locations_point_at_macro_uses)
{
    struct ir_function *fn = lower_one(
        "#include <pthread.h>\n"
        "#define LOCK(m) pthread_mutex_lock(m)\n"
        "void t(pthread_mutex_t *m) {\n"
        "    LOCK(m);\n"
        "}\n", "t");
    const struct inst *call = first_inst(fn, INST_CALL, NULL);
    ck_assert_uint_eq(call->range.begin.line, 4);
    ck_assert_uint_eq(call->range.begin.column, 5);
    ck_assert_str_eq(call->range.begin.file, "snippet.c");
    ck_assert_uint_eq(call->range.end.line, 4);
    ck_assert_uint_eq(call->range.end.column, 11); /* the whole macro use `LOCK(m)` */
    /* The argument `m` is where it is written inside the macro use. */
    const struct inst *read = first_inst(fn, INST_READ, "m");
    ck_assert_uint_eq(read->range.begin.line, 4);
    ck_assert_uint_eq(read->range.begin.column, 10);
    const struct var *param = fn->params[0];
    ck_assert_uint_eq(param->decl.begin.line, 3);
    ck_assert_uint_eq(param->decl.begin.column, 25);
    ck_assert_uint_eq(param->decl.end.column, 25);
    ck_assert_uint_eq(fn->body_end.begin.line, 5);
    ck_assert_uint_eq(fn->body_end.begin.column, 1);
}
END_TEST

START_TEST(ranges_are_inclusive)
{
    struct ir_function *fn = lower_one("int g(int); void t(int value) { g(value); }", "t");
    const struct inst *read = first_inst(fn, INST_READ, "value");
    /* `value` spans columns 35..39. */
    ck_assert_uint_eq(read->range.begin.column, 35);
    ck_assert_uint_eq(read->range.end.column, 39);
}
END_TEST

START_TEST(variables)
{
    struct ir_function *fn = lower_one(
        "int global;\n"
        "void t(int p) { static int count; extern int global; int local = global; { int inner; inner = p; } count++; }\n",
        "t");
    ck_assert_uint_eq(fn->param_count, 1);
    ck_assert_int_eq(fn->params[0]->kind, VAR_PARAM);
    ck_assert_uint_eq(fn->local_count, 3);
    ck_assert_int_eq(fn->locals[0]->kind, VAR_STATIC_LOCAL);
    ck_assert_int_eq(fn->locals[1]->kind, VAR_LOCAL);
    ck_assert_int_eq(fn->locals[2]->scope_depth, fn->locals[1]->scope_depth + 1);
    const struct inst *read = first_inst(fn, INST_READ, "global");
    ck_assert_int_eq(read->path->root->kind, VAR_GLOBAL);
    ck_assert_ptr_eq(read->path->root, model_global(snippet->model, "global"));
    ck_assert_uint_eq(snippet_count_insts(fn, INST_SCOPE_END), 1); /* inner; not the static */
    ck_assert_uint_ne(fn->locals[1]->id, fn->params[0]->id);
}
END_TEST

START_TEST(main_and_bottom_up_order)
{
    snippet = snippet_lower(
        "static int leaf(void) { return 1; }\n"
        "static int mid(void) { return leaf(); }\n"
        "static int even(int n);\n"
        "static int odd(int n) { return n ? even(n - 1) : 0; }\n"
        "static int even(int n) { return n ? odd(n - 1) : 1; }\n"
        "int main(void) { return mid() + odd(3); }\n");
    struct ir_tu *tu = snippet->tu;
    ck_assert_uint_eq(tu->function_count, 5);
    struct ir_function *order[5];
    ck_assert_uint_eq(ir_bottom_up_order(tu, order), 5);
    unsigned position[5];
    for (unsigned i = 0; i < 5; i++)
        for (unsigned j = 0; j < 5; j++)
            if (order[i] == tu->functions[j])
                position[j] = i;
    ck_assert_uint_lt(position[0], position[1]); /* leaf before mid */
    ck_assert_uint_lt(position[1], position[4]); /* mid before main */
    ck_assert_uint_lt(position[2], position[4]); /* odd/even before main */
    ck_assert_uint_lt(position[3], position[4]);
    ck_assert(tu->functions[4]->is_main);
    ck_assert(!tu->functions[0]->is_main);
}
END_TEST

static Suite *lower_suite(void)
{
    Suite *suite = suite_create("lower");
    TCase *tc = tcase_create("expressions");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, evaluation_order_of_assignment);
    tcase_add_test(tc, paths_and_values);
    tcase_add_test(tc, path_steps);
    tcase_add_test(tc, deref_bases);
    tcase_add_test(tc, pointer_indexes);
    tcase_add_test(tc, reads_of_arguments_and_returns);
    tcase_add_test(tc, compound_assignments_read_first);
    tcase_add_test(tc, declarations_and_initializers);
    tcase_add_test(tc, calls_and_function_values);
    tcase_add_test(tc, known_conditions);
    tcase_add_test(tc, locations_point_at_macro_uses);
    tcase_add_test(tc, ranges_are_inclusive);
    tcase_add_test(tc, variables);
    tcase_add_test(tc, main_and_bottom_up_order);
    suite_add_tcase(suite, tc);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(lower_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
