/* The model: annotate strings, lock paths, clang thread-safety attributes from other
 * macro sets, built-in contracts, constants, and Send/Sync propagation. */
#include <check.h>
#include <stdlib.h>

#include "engine_snippet.h"
#include "model/model_annotate.h"

static struct snippet *snippet;

static struct model *model_of(const char *code)
{
    snippet = snippet_lower(code);
    return snippet->model;
}

static void teardown(void)
{
    if (snippet)
        snippet_free(snippet);
    snippet = NULL;
}

static const struct field_info *field_named(const struct record_info *record, const char *name)
{
    ck_assert_ptr_nonnull(record);
    for (unsigned i = 0; i < record->field_count; i++)
        if (strcmp(record->fields[i].name, name) == 0)
            return &record->fields[i];
    ck_abort_msg("no field %s", name);
    return NULL;
}

static const struct lock_effect *effect_of(const struct function_info *info, enum lock_effect_kind kind)
{
    ck_assert_ptr_nonnull(info);
    for (unsigned i = 0; i < info->effect_count; i++)
        if (info->effects[i].kind == kind)
            return &info->effects[i];
    ck_abort_msg("%s has no effect of kind %d", info->name, kind);
    return NULL;
}

START_TEST(parameter_annotations)
{
    struct model *model = model_of(
        "#include <fearless.h>\n"
        "enum st { ST_OK, ST_GONE };\n"
        "void give(int *p MOVED);\n"
        "enum st offer(void *tx, int *v MOVED_IF(ST_OK));\n"
        "int spawn(int *h, void *(*fn)(void *) THREAD_FN, void *arg THREAD_ARG MOVED);\n"
        "void wait_for(int h JOINS);\n"
        "void let_go(int h DETACHES);\n");
    const struct function_info *give = model_function(model, "give");
    ck_assert(give->params[0].moved);
    ck_assert_int_eq(give->origin, ORIGIN_DECLARED);
    const struct function_info *offer = model_function(model, "offer");
    ck_assert(!offer->params[1].moved);
    ck_assert(offer->params[1].moved_if);
    ck_assert_int_eq(offer->params[1].moved_if_value, 0);
    const struct function_info *spawn = model_function(model, "spawn");
    ck_assert(spawn->is_spawn);
    ck_assert_int_eq(spawn->spawn_fn_param, 1);
    ck_assert_int_eq(spawn->spawn_arg_param, 2);
    ck_assert_int_eq(spawn->spawn_handle_param, 0);
    ck_assert(spawn->params[2].moved && spawn->params[2].thread_arg);
    ck_assert(model_function(model, "wait_for")->params[0].joins);
    ck_assert(model_function(model, "let_go")->params[0].detaches);
}
END_TEST

START_TEST(annotations_on_a_later_declaration_are_kept)
{
    struct model *model = model_of(
        "#include <fearless.h>\n"
        "void give(int *p);\n"
        "void give(int *p MOVED);\n"
        "void give(int *q) { (void)q; }\n");
    ck_assert(model_function(model, "give")->params[0].moved);
}
END_TEST

START_TEST(lock_contracts_and_paths)
{
    struct model *model = model_of(
        "#include <fearless.h>\n"
        "#include <pthread.h>\n"
        "struct LOCK_TYPE lk { int state; };\n"
        "struct lk g_mu;\n"
        "struct node { struct node *parent; struct lk mu; };\n"
        "struct acct { pthread_mutex_t mu; int balance GUARDED_BY(mu); int *data PT_GUARDED_BY(mu); };\n"
        "int counter GUARDED_BY(g_mu);\n"
        "void take(struct lk *m) ACQUIRE(m);\n"
        "void drop(struct lk *m) RELEASE(*m);\n"
        "void deposit(struct acct *s, int n) REQUIRES(s->mu);\n"
        "void grand(struct node *self) REQUIRES_SHARED(self->parent->mu);\n"
        "void global_only(void) EXCLUDES(&g_mu);\n"
        "int try_take(struct lk *m) TRY_ACQUIRE(1, m);\n"
        "void *get(struct acct *a) RETURNS_GUARD(a->mu);\n"
        "void raw(void) NO_THREAD_SAFETY_ANALYSIS;\n");
    const struct lock_effect *take = effect_of(model_function(model, "take"), EFFECT_ACQUIRE);
    ck_assert_int_eq(take->lock.base, LOCK_BASE_PARAM);
    ck_assert_int_eq(take->lock.param_index, 0);
    ck_assert(take->lock.deref_base);
    ck_assert_uint_eq(take->lock.step_count, 0);
    /* fearless.h writes both an annotate string and clang's attribute: one effect. */
    ck_assert_uint_eq(model_function(model, "take")->effect_count, 1);
    const struct lock_effect *drop = effect_of(model_function(model, "drop"), EFFECT_RELEASE);
    ck_assert(drop->lock.deref_base);
    const struct lock_effect *deposit = effect_of(model_function(model, "deposit"), EFFECT_REQUIRES);
    ck_assert_int_eq(deposit->lock.base, LOCK_BASE_PARAM);
    ck_assert_uint_eq(deposit->lock.step_count, 1);
    ck_assert(deposit->lock.steps[0].through_pointer);
    ck_assert_str_eq(deposit->lock.steps[0].field, "mu");
    ck_assert(!deposit->lock.deref_base);
    const struct lock_effect *grand = effect_of(model_function(model, "grand"), EFFECT_REQUIRES_SHARED);
    ck_assert_uint_eq(grand->lock.step_count, 2);
    ck_assert_str_eq(grand->lock.steps[0].field, "parent");
    ck_assert_str_eq(grand->lock.steps[1].field, "mu");
    const struct lock_effect *excludes = effect_of(model_function(model, "global_only"), EFFECT_EXCLUDES);
    ck_assert_int_eq(excludes->lock.base, LOCK_BASE_GLOBAL);
    ck_assert_str_eq(excludes->lock.global->name, "g_mu");
    ck_assert(!excludes->lock.deref_base);
    const struct lock_effect *try_take = effect_of(model_function(model, "try_take"), EFFECT_TRY_ACQUIRE);
    ck_assert_int_eq(try_take->success_value, 1);
    const struct function_info *get = model_function(model, "get");
    ck_assert_ptr_nonnull(get->returns_guard);
    ck_assert_str_eq(get->returns_guard->text, "a->mu");
    ck_assert(model_function(model, "raw")->no_thread_safety_analysis);

    const struct record_info *acct = model_record(model, "struct acct");
    const struct field_info *balance = field_named(acct, "balance");
    ck_assert_ptr_nonnull(balance->guarded_by);
    ck_assert_int_eq(balance->guarded_by->base, LOCK_BASE_SIBLING);
    ck_assert_str_eq(balance->guarded_by->steps[0].field, "mu");
    ck_assert_ptr_nonnull(field_named(acct, "data")->pt_guarded_by);
    ck_assert_int_eq(field_named(acct, "mu")->type->lock, LOCK_MUTEX);
    ck_assert_int_eq(model_record(model, "struct lk")->lock, LOCK_MUTEX);

    const struct var *counter = model_global(model, "counter");
    ck_assert_ptr_nonnull(counter->guard);
    ck_assert_int_eq(counter->guard->guarded_by->base, LOCK_BASE_GLOBAL);
    ck_assert_ptr_eq(counter->guard->guarded_by->global, model_global(model, "g_mu"));
}
END_TEST

START_TEST(clang_attributes_from_other_macro_sets)
{
    struct model *model = model_of(
        "#define CAPABILITY(x) __attribute__((capability(x)))\n"
        "#define ABSL_GUARDED_BY(x) __attribute__((guarded_by(x)))\n"
        "#define ABSL_EXCLUSIVE_LOCKS_REQUIRED(...) __attribute__((exclusive_locks_required(__VA_ARGS__)))\n"
        "#define ACQ(...) __attribute__((acquire_capability(__VA_ARGS__)))\n"
        "#define REL(...) __attribute__((release_capability(__VA_ARGS__)))\n"
        "#define TRY(...) __attribute__((try_acquire_capability(__VA_ARGS__)))\n"
        "#define EXCL(...) __attribute__((locks_excluded(__VA_ARGS__)))\n"
        "#define BEFORE(...) __attribute__((acquired_before(__VA_ARGS__)))\n"
        "#define NO_TSA __attribute__((no_thread_safety_analysis))\n"
        "struct CAPABILITY(\"mutex\") mu { int x; };\n"
        "struct mu a_mu;\n"
        "struct mu b_mu BEFORE(a_mu);\n"
        "struct box { struct mu m; int v ABSL_GUARDED_BY(m); };\n"
        "int g __attribute__((guarded_by(a_mu)));\n"
        "void lock2(struct mu *x, struct mu *y) ACQ(x, y);\n"
        "void unlock(struct mu *x) REL(x);\n"
        "int trylock(struct mu *x) TRY(0, x);\n"
        "void put(struct box *b) ABSL_EXCLUSIVE_LOCKS_REQUIRED(b->m);\n"
        "void outside(void) EXCL(a_mu);\n"
        "void raw(void) NO_TSA;\n"
        "#define ATTR__(x) __attribute__((x))\n"
        "#define ABSL_PT_GUARDED_BY(x) ATTR__(pt_guarded_by(x))\n"
        "#define ABSL_SHARED_LOCKS_REQUIRED(...) ATTR__(shared_locks_required(__VA_ARGS__))\n"
        "struct box2 { struct mu m; int *p ABSL_PT_GUARDED_BY(m); };\n"
        "void peek(struct box2 *b) ABSL_SHARED_LOCKS_REQUIRED(b->m);\n");
    ck_assert_int_eq(model_record(model, "struct mu")->lock, LOCK_MUTEX);
    const struct field_info *p = field_named(model_record(model, "struct box2"), "p");
    ck_assert_ptr_nonnull(p->pt_guarded_by);
    ck_assert_str_eq(p->pt_guarded_by->steps[0].field, "m");
    const struct lock_effect *peek = effect_of(model_function(model, "peek"), EFFECT_REQUIRES_SHARED);
    ck_assert_uint_eq(peek->lock.step_count, 1);
    ck_assert_str_eq(peek->lock.steps[0].field, "m");
    ck_assert_uint_eq(model_annotation_problem_count(model), 0);
    const struct function_info *lock2 = model_function(model, "lock2");
    ck_assert_uint_eq(lock2->effect_count, 2);
    ck_assert_int_eq(lock2->effects[1].lock.param_index, 1);
    effect_of(model_function(model, "unlock"), EFFECT_RELEASE);
    const struct lock_effect *trylock = effect_of(model_function(model, "trylock"), EFFECT_TRY_ACQUIRE);
    ck_assert_int_eq(trylock->success_value, 0);
    ck_assert_int_eq(trylock->lock.param_index, 0);
    const struct lock_effect *put = effect_of(model_function(model, "put"), EFFECT_REQUIRES);
    ck_assert_str_eq(put->lock.steps[0].field, "m");
    ck_assert_int_eq(effect_of(model_function(model, "outside"), EFFECT_EXCLUDES)->lock.base,
                     LOCK_BASE_GLOBAL);
    ck_assert(model_function(model, "raw")->no_thread_safety_analysis);
    const struct field_info *v = field_named(model_record(model, "struct box"), "v");
    ck_assert_ptr_nonnull(v->guarded_by);
    ck_assert_int_eq(v->guarded_by->base, LOCK_BASE_SIBLING);
    ck_assert_ptr_nonnull(model_global(model, "g")->guard);
    const struct var *b_mu = model_global(model, "b_mu");
    ck_assert_ptr_nonnull(b_mu->guard);
    ck_assert_ptr_nonnull(b_mu->guard->acquired_before);
    ck_assert_ptr_eq(b_mu->guard->acquired_before[0]->global, model_global(model, "a_mu"));
    ck_assert_ptr_null(b_mu->guard->acquired_before[1]);
}
END_TEST

START_TEST(builtin_contracts)
{
    struct model *model = model_of(
        "#include <pthread.h>\n"
        "#include <stdlib.h>\n"
        "#include <stdio.h>\n"
        "#include <threads.h>\n"
        "void *run(void *a) { return a; }\n"
        "void f(void) {\n"
        "  pthread_t t; pthread_mutex_t m; pthread_rwlock_t rw; pthread_cond_t c;\n"
        "  pthread_create(&t, 0, run, 0); pthread_join(t, 0); pthread_detach(t);\n"
        "  pthread_mutex_lock(&m); pthread_mutex_trylock(&m); pthread_mutex_unlock(&m);\n"
        "  pthread_rwlock_rdlock(&rw); pthread_rwlock_unlock(&rw); pthread_cond_wait(&c, &m);\n"
        "  mtx_t x; mtx_trylock(&x);\n"
        "  void *p = malloc(4); p = realloc(p, 8); free(p); fclose(stdin); exit(0);\n"
        "}\n");
    const struct function_info *create = model_function(model, "pthread_create");
    ck_assert_ptr_nonnull(create);
    ck_assert_int_eq(create->origin, ORIGIN_BUILTIN);
    ck_assert(create->is_spawn);
    ck_assert_int_eq(create->spawn_handle_param, 0);
    ck_assert_int_eq(create->spawn_fn_param, 2);
    ck_assert_int_eq(create->spawn_arg_param, 3);
    ck_assert_int_eq(create->spawn_success_value, 0);
    ck_assert(model_function(model, "pthread_join")->params[0].joins);
    ck_assert(model_function(model, "pthread_detach")->params[0].detaches);
    const struct lock_effect *lock = effect_of(model_function(model, "pthread_mutex_lock"), EFFECT_ACQUIRE);
    ck_assert(lock->lock.deref_base);
    ck_assert_int_eq(lock->lock.param_index, 0);
    effect_of(model_function(model, "pthread_mutex_trylock"), EFFECT_TRY_ACQUIRE);
    effect_of(model_function(model, "pthread_mutex_unlock"), EFFECT_RELEASE);
    effect_of(model_function(model, "pthread_rwlock_rdlock"), EFFECT_ACQUIRE_SHARED);
    effect_of(model_function(model, "pthread_rwlock_unlock"), EFFECT_RELEASE_ANY);
    ck_assert_int_eq(effect_of(model_function(model, "pthread_cond_wait"), EFFECT_WAIT)->lock.param_index, 1);
    ck_assert_int_eq(effect_of(model_function(model, "mtx_trylock"), EFFECT_TRY_ACQUIRE)->success_value, 0);
    ck_assert(model_function(model, "malloc")->returns_fresh_heap);
    ck_assert(model_function(model, "realloc")->params[0].moved);
    ck_assert(model_function(model, "free")->params[0].moved);
    ck_assert(model_function(model, "fclose")->params[0].moved);
    ck_assert(model_function(model, "exit")->noreturn);
    ck_assert(!model_function(model, "run")->noreturn);
}
END_TEST

START_TEST(annotations_win_over_builtins)
{
    struct model *model = model_of(
        "#include <fearless.h>\n"
        "void free(void *p THREAD_ARG);\n"
        "void use(void) { free(0); }\n");
    const struct function_info *info = model_function(model, "free");
    ck_assert_int_eq(info->origin, ORIGIN_DECLARED);
    ck_assert(!info->params[0].moved);
    ck_assert(info->params[0].thread_arg);
}
END_TEST

START_TEST(noreturn_forms)
{
    struct model *model = model_of(
        "_Noreturn void a(void);\n"
        "void b(void) __attribute__((noreturn));\n"
        "void c(void);\n");
    ck_assert(model_function(model, "a")->noreturn);
    ck_assert(model_function(model, "b")->noreturn);
    ck_assert(!model_function(model, "c")->noreturn);
}
END_TEST

START_TEST(constants)
{
    struct model *model = model_of("enum { A = 3, B = -2 }; typedef enum { C = 7 } e_t;\n"
                                   "struct s { enum { D = 9 } kind; };\n");
    long long value = 0;
    ck_assert(model_constant(model, "A", &value));
    ck_assert_int_eq(value, 3);
    ck_assert(model_constant(model, "B", &value));
    ck_assert_int_eq(value, -2);
    ck_assert(model_constant(model, "C", &value));
    ck_assert_int_eq(value, 7);
    ck_assert(model_constant(model, "D", &value));
    ck_assert_int_eq(value, 9);
    ck_assert(model_constant(model, "true", &value));
    ck_assert_int_eq(value, 1);
    ck_assert(model_constant(model, "0x10", &value));
    ck_assert_int_eq(value, 16);
    ck_assert(model_constant(model, " (A) ", &value));
    ck_assert_int_eq(value, 3);
    ck_assert(!model_constant(model, "NOPE", &value));
}
END_TEST

START_TEST(send_and_sync_propagate)
{
    struct model *model = model_of(
        "#include <fearless.h>\n"
        "struct NOT_SEND rc { int count; };\n"
        "typedef struct { int x; } NOT_SYNC cell_t;\n"
        "struct inner { struct rc *rc; };\n"
        "struct outer { int a; struct inner inner; };\n"
        "typedef struct outer outer_t;\n"
        "struct UNSAFE_SEND wrapped { struct rc *rc; };\n"
        "struct holder { cell_t cells[2]; };\n"
        "struct list { struct list *next; int v; };\n"
        "outer_t o; struct wrapped w; struct holder h; struct list l; int plain;\n");
    const char *culprit = NULL;
    ck_assert(!type_is_send(model_global(model, "o")->type, &culprit));
    ck_assert_str_eq(culprit, "inner.rc");
    ck_assert(type_is_send(model_global(model, "w")->type, &culprit));
    ck_assert_ptr_null(culprit);
    ck_assert(type_is_send(model_global(model, "h")->type, NULL));
    ck_assert(!type_is_sync(model_global(model, "h")->type, &culprit));
    ck_assert_str_eq(culprit, "cells");
    ck_assert(type_is_send(model_global(model, "l")->type, NULL)); /* recursive, terminates */
    ck_assert(type_is_sync(model_global(model, "plain")->type, NULL));
    ck_assert_int_eq(model_record(model, "cell_t")->sync, TRAIT_NO);
    ck_assert_ptr_eq(model_record(model, "outer_t"), model_record(model, "struct outer"));
}
END_TEST

START_TEST(lock_typedefs_and_types)
{
    struct model *model = model_of(
        "#include <pthread.h>\n"
        "#include <stdatomic.h>\n"
        "pthread_spinlock_t spin; pthread_rwlock_t rw; pthread_mutex_t mu; volatile int v;\n"
        "const int c = 1; _Atomic int at; int arr[4]; int *ptr;\n"
        "typedef int __attribute__((capability(\"mutex\"))) raw_lock_t; raw_lock_t raw;\n"
        "typedef pthread_mutex_t my_mutex_t; my_mutex_t mine;\n");
    ck_assert_int_eq(model_global(model, "raw")->type->lock, LOCK_MUTEX);
    ck_assert_int_eq(model_global(model, "mine")->type->lock, LOCK_MUTEX);
    ck_assert_int_eq(model_global(model, "spin")->type->lock, LOCK_SPIN);
    ck_assert_int_eq(model_global(model, "rw")->type->lock, LOCK_RWLOCK);
    ck_assert_int_eq(model_global(model, "mu")->type->lock, LOCK_MUTEX);
    ck_assert_int_eq(model_global(model, "v")->type->lock, LOCK_NONE);
    ck_assert(model_global(model, "c")->type->is_const);
    ck_assert(model_global(model, "at")->type->is_atomic);
    const struct type_info *arr = model_global(model, "arr")->type;
    ck_assert_int_eq(arr->kind, TYPE_ARRAY);
    ck_assert_int_eq(arr->pointee->kind, TYPE_INTEGER);
    const struct type_info *ptr = model_global(model, "ptr")->type;
    ck_assert_int_eq(ptr->kind, TYPE_POINTER);
    ck_assert_ptr_eq(ptr->pointee, arr->pointee); /* interned */
}
END_TEST

START_TEST(runtime_headers)
{
    struct model *model = model_of(
        "#include <fearless/mutex.h>\n"
        "void use(fl_mutex *m) { fl_mutex_lock(m); fl_mutex_unlock(m); }\n");
    const struct function_info *lock = model_function(model, "fl_mutex_lock");
    ck_assert_uint_eq(lock->effect_count, 1);
    ck_assert_int_eq(lock->effects[0].kind, EFFECT_ACQUIRE);
    const struct function_info *trylock = model_function(model, "fl_mutex_trylock");
    ck_assert_int_eq(effect_of(trylock, EFFECT_TRY_ACQUIRE)->success_value, 1);
    ck_assert_int_eq(model_record(model, "struct fl_mutex")->lock, LOCK_MUTEX);
}
END_TEST

START_TEST(records_are_listed_once)
{
    struct model *model = model_of(
        "#include <fearless.h>\n"
        "#include <pthread.h>\n"
        "struct SYNC unused { const int x; };\n"
        "typedef struct used { int y; } used_t;\n"
        "used_t u; pthread_mutex_t m;\n");
    unsigned unused = 0, used = 0, mutex = 0;
    for (unsigned i = 0; i < model_record_count(model); i++) {
        const struct record_info *record = model_record_at(model, i);
        unused += strcmp(record->name, "struct unused") == 0;
        used += strcmp(record->name, "struct used") == 0;
        mutex += strcmp(record->name, "pthread_mutex_t") == 0;
    }
    ck_assert_uint_eq(unused, 1);
    ck_assert_uint_eq(used, 1);
    ck_assert_uint_eq(mutex, 1);
    ck_assert_ptr_null(model_record_at(model, model_record_count(model)));
    ck_assert_int_eq(model_record(model, "struct unused")->sync, TRAIT_YES);
}
END_TEST

START_TEST(malformed_annotations_are_listed)
{
    struct model *model = model_of(
        "#include <fearless.h>\n"
        "struct LOCK_TYPE lk { int s; };\n"
        "struct a { struct lk mu; int x __attribute__((annotate(\"fearless:guarded_by\"))); };\n"
        "int y __attribute__((annotate(\"fearless:no_such_kind:x\")));\n"
        "void f(struct lk *m) __attribute__((annotate(\"fearless:acquire:nope\")));\n"
        "int g(int *v __attribute__((annotate(\"fearless:moved_if:NOT_A_CONSTANT\"))));\n"
        "struct b { struct lk mu; int fine GUARDED_BY(mu); int *fine2 PT_GUARDED_BY(mu); };\n"
        "struct b use_b; struct a use_a;\n");
    ck_assert_uint_eq(model_annotation_problem_count(model), 4);
    bool missing = false, unknown = false, nope = false, constant = false;
    for (unsigned i = 0; i < model_annotation_problem_count(model); i++) {
        const struct annotation_problem *problem = model_annotation_problem_at(model, i);
        ck_assert_str_eq(problem->range.begin.file, "snippet.c");
        if (strcmp(problem->annotation, "guarded_by") == 0) {
            missing = true;
            ck_assert_uint_eq(problem->range.begin.line, 3);
            ck_assert_str_eq(problem->problem, "a lock name is missing");
        }
        unknown = unknown || strcmp(problem->annotation, "no_such_kind:x") == 0;
        if (strcmp(problem->annotation, "acquire:nope") == 0) {
            nope = true;
            ck_assert_str_eq(problem->problem, "'nope' names no parameter, field or global");
        }
        constant = constant || strstr(problem->problem, "NOT_A_CONSTANT") != NULL;
    }
    ck_assert(missing && unknown && nope && constant);
}
END_TEST

START_TEST(annotation_strings)
{
    struct arena *arena = arena_new();
    const char *args;
    ck_assert_int_eq(annotation_parse(arena, "moved_if:FL_OK", &args), ANN_MOVED_IF);
    ck_assert_str_eq(args, "FL_OK");
    ck_assert_int_eq(annotation_parse(arena, "try_acquire:true, m", &args), ANN_TRY_ACQUIRE);
    ck_assert_str_eq(args, "true, m");
    ck_assert_int_eq(annotation_parse(arena, "moved", &args), ANN_MOVED);
    ck_assert_str_eq(args, "");
    ck_assert_int_eq(annotation_parse(arena, "bogus:x", &args), ANN_UNKNOWN);
    const char **items;
    ck_assert_uint_eq(annotation_split(arena, " a, f(b, c) ,d->e ", &items), 3);
    ck_assert_str_eq(items[1], "f(b, c)");
    ck_assert_str_eq(items[2], "d->e");
    ck_assert_ptr_null(items[3]);
    arena_free(arena);
}
END_TEST

static Suite *model_suite(void)
{
    Suite *suite = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, parameter_annotations);
    tcase_add_test(tc, annotations_on_a_later_declaration_are_kept);
    tcase_add_test(tc, lock_contracts_and_paths);
    tcase_add_test(tc, clang_attributes_from_other_macro_sets);
    tcase_add_test(tc, builtin_contracts);
    tcase_add_test(tc, annotations_win_over_builtins);
    tcase_add_test(tc, noreturn_forms);
    tcase_add_test(tc, constants);
    tcase_add_test(tc, send_and_sync_propagate);
    tcase_add_test(tc, lock_typedefs_and_types);
    tcase_add_test(tc, runtime_headers);
    tcase_add_test(tc, records_are_listed_once);
    tcase_add_test(tc, malformed_annotations_are_listed);
    tcase_add_test(tc, annotation_strings);
    suite_add_tcase(suite, tc);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(model_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
