/* The lockset analysis over small hand-built CFGs (no parser involved): findings on
 * double locks, unlocks of unheld locks, leaks on one return, trylock branches, and the
 * contracts inferred for lock wrappers. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "analysis/lock_threads.h"
#include "analysis/lockset.h"
#include "analysis/lockset_internal.h"
#include "support/arena.h"

static struct type_info mutex_type = {.kind = TYPE_RECORD, .spelling = "pthread_mutex_t",
                                      .lock = LOCK_MUTEX};
static struct type_info mutex_pointer = {.kind = TYPE_POINTER, .spelling = "pthread_mutex_t *",
                                         .pointee = &mutex_type};
static struct type_info int_type = {.kind = TYPE_INTEGER, .spelling = "int"};
static struct var g_mu = {.id = 1, .name = "g_mu", .kind = VAR_GLOBAL, .type = &mutex_type};
static struct var param_m = {.id = 2, .name = "m", .kind = VAR_PARAM, .type = &mutex_pointer};
static struct var rc_var = {.id = 3, .name = "rc", .kind = VAR_LOCAL, .type = &int_type};

static struct arena *arena;
static struct function_info lock_fn, unlock_fn, trylock_fn;

static struct function_info primitive(const char *name, enum lock_effect_kind kind)
{
    struct lock_effect *effect = ARENA_NEW(arena, struct lock_effect);
    effect->kind = kind;
    effect->lock = (struct lock_path){.base = LOCK_BASE_PARAM, .deref_base = true, .text = "$0"};
    return (struct function_info){.name = name, .param_count = 1, .effect_count = 1,
                                  .effects = effect, .origin = ORIGIN_BUILTIN};
}

/* ---- a tiny CFG builder ------------------------------------------------------------------ */

struct builder {
    struct ir_function function;
    struct function_info info;
    struct block *blocks[8];
    unsigned count;
    unsigned line;
};

static struct block *add_block(struct builder *b)
{
    struct block *block = ARENA_NEW(arena, struct block);
    block->id = b->count;
    block->insts = ARENA_ARRAY(arena, struct inst, 8);
    b->blocks[b->count++] = block;
    return block;
}

static struct source_range at_line(struct builder *b)
{
    struct source_range range = {{"t.c", ++b->line, 1}, {NULL, 0, 0}};
    return range;
}

static void add_call(struct builder *b, struct block *block, const struct function_info *callee,
                     struct value arg, unsigned temp)
{
    struct value *args = ARENA_NEW(arena, struct value);
    *args = arg;
    struct inst *inst = &block->insts[block->inst_count++];
    inst->kind = INST_CALL;
    inst->range = at_line(b);
    inst->call = (struct call){.callee = callee, .arg_count = 1, .args = args,
                               .result_temp = temp};
}

static void add_store_temp(struct builder *b, struct block *block, const struct var *var,
                           unsigned temp)
{
    struct inst *inst = &block->insts[block->inst_count++];
    inst->kind = INST_WRITE;
    inst->range = at_line(b);
    inst->path = path_of_var(arena, var);
    inst->value = (struct value){.kind = VALUE_TEMP, .temp = temp};
}

static void link(struct block *from, struct block *to)
{
    if (!from->successors)
        from->successors = ARENA_ARRAY(arena, struct edge, 2);
    struct edge *edge = &from->successors[from->successor_count];
    *edge = (struct edge){.from = from, .to = to, .index = from->successor_count};
    from->successor_count++;
}

static void branch(struct block *from, struct value tested, enum compare compare,
                   struct block *then, struct block *otherwise)
{
    from->terminator.kind = TERM_BRANCH;
    from->terminator.condition = (struct condition){.known = true, .tested = tested,
                                                    .compare = compare, .constant = 0};
    link(from, then);
    link(from, otherwise);
}

static void ret(struct builder *b, struct block *from, struct block *exit, long long value)
{
    from->terminator.kind = TERM_RETURN;
    from->terminator.range = at_line(b);
    from->terminator.value = (struct value){.kind = VALUE_INTEGER, .integer = value};
    link(from, exit);
}

static void finish(struct builder *b, struct block *exit)
{
    exit->terminator.kind = TERM_UNREACHABLE;
    for (unsigned i = 0; i < b->count; i++) {
        struct block *block = b->blocks[i];
        block->predecessors = ARENA_ARRAY(arena, struct edge *, b->count * 2);
    }
    for (unsigned i = 0; i < b->count; i++)
        for (unsigned s = 0; s < b->blocks[i]->successor_count; s++) {
            struct edge *edge = &b->blocks[i]->successors[s];
            edge->to->predecessors[edge->to->predecessor_count++] = edge;
        }
    b->function.name = b->info.name;
    b->function.info = &b->info;
    b->function.block_count = b->count;
    b->function.blocks = b->blocks;
    b->function.entry = b->blocks[0];
    b->function.exit = exit;
    b->info.body = &b->function;
}

/* ---- running ------------------------------------------------------------------------------- */

static struct check_context context;
static struct ir_tu tu;
static struct ir_function *tu_functions[4];

static void setup(void)
{
    arena = arena_new();
    lock_fn = primitive("pthread_mutex_lock", EFFECT_ACQUIRE);
    unlock_fn = primitive("pthread_mutex_unlock", EFFECT_RELEASE);
    trylock_fn = primitive("pthread_mutex_trylock", EFFECT_TRY_ACQUIRE);
    memset(&tu, 0, sizeof tu);
    tu.main_file = "t.c";
    tu.arena = arena;
    tu.functions = tu_functions;
    context = (struct check_context){.tu = &tu, .arena = arena, .cache = analysis_cache_new()};
}

static void teardown(void)
{
    analysis_cache_free(context.cache);
    arena_free(arena);
}

static struct value address_of_g(void)
{
    return (struct value){.kind = VALUE_ADDRESS, .path = path_of_var(arena, &g_mu)};
}

static unsigned count(const struct lockset_result *result, enum lock_event_kind kind,
                      bool include_maybe)
{
    unsigned n = 0;
    for (unsigned i = 0; i < result->event_count; i++)
        n += result->events[i].kind == kind && (include_maybe || !result->events[i].maybe);
    return n;
}

static void add_function(struct builder *b)
{
    tu.functions[tu.function_count++] = &b->function;
}

START_TEST(double_lock_is_found_with_its_first_site)
{
    struct builder b = {.info = {.name = "twice"}};
    struct block *entry = add_block(&b), *exit;
    add_call(&b, entry, &lock_fn, address_of_g(), 0);
    add_call(&b, entry, &lock_fn, address_of_g(), 1);
    add_call(&b, entry, &unlock_fn, address_of_g(), 2);
    exit = add_block(&b);
    ret(&b, entry, exit, 0);
    finish(&b, exit);
    add_function(&b);
    const struct lockset_result *result = lockset_of(&context, &b.function);
    ck_assert_uint_eq(count(result, LOCK_EVENT_DOUBLE, false), 1);
    ck_assert_uint_eq(count(result, LOCK_EVENT_NOT_HELD, true), 0);
    ck_assert_uint_eq(count(result, LOCK_EVENT_LEAKED, true), 0);
    const struct lock_event *event = &result->events[0];
    ck_assert(event->has_acquired);
    ck_assert_uint_eq(event->acquired.begin.line, 1);
    ck_assert_uint_eq(event->range.begin.line, 2);
    /* Cached: the same result object comes back. */
    ck_assert_ptr_eq(lockset_of(&context, &b.function), result);
}
END_TEST

START_TEST(leak_on_one_return_only)
{
    /* lock; if (rc) return -1 (leak); unlock; return 0 */
    struct builder b = {.info = {.name = "leaky"}};
    struct block *entry = add_block(&b), *early = add_block(&b), *late = add_block(&b);
    struct block *exit = add_block(&b);
    add_call(&b, entry, &lock_fn, address_of_g(), 0);
    branch(entry, (struct value){.kind = VALUE_LOAD, .path = path_of_var(arena, &rc_var)},
           COMPARE_NE, early, late);
    ret(&b, early, exit, -1);
    add_call(&b, late, &unlock_fn, address_of_g(), 1);
    ret(&b, late, exit, 0);
    finish(&b, exit);
    add_function(&b);
    lockset_summarize(&context, &b.function);
    /* Not a wrapper (a leak): it only excludes g, it does not acquire it for the caller. */
    ck_assert_uint_eq(b.info.effect_count, 1);
    ck_assert_int_eq(b.info.effects[0].kind, EFFECT_EXCLUDES);
    /* Its callers hold g on some paths after the call: a maybe effect, not a contract. */
    const struct lockset_maybes *maybes = lockset_maybes_of(&context, &b.function);
    ck_assert_ptr_nonnull(maybes);
    ck_assert_uint_eq(maybes->count, 1);
    ck_assert(!maybes->items[0].release);
    const struct lockset_result *result = lockset_of(&context, &b.function);
    ck_assert_uint_eq(count(result, LOCK_EVENT_LEAKED, false), 1);
}
END_TEST

START_TEST(trylock_branch_splits_held_and_not_held)
{
    /* if (trylock(&g) != 0) return 0; unlock(&g); return 1 — clean */
    struct builder b = {.info = {.name = "try"}};
    struct block *entry = add_block(&b), *failed = add_block(&b), *got = add_block(&b);
    struct block *exit = add_block(&b);
    add_call(&b, entry, &trylock_fn, address_of_g(), 7);
    branch(entry, (struct value){.kind = VALUE_TEMP, .temp = 7}, COMPARE_NE, failed, got);
    ret(&b, failed, exit, 0);
    add_call(&b, got, &unlock_fn, address_of_g(), 8);
    ret(&b, got, exit, 1);
    finish(&b, exit);
    add_function(&b);
    const struct lockset_result *result = lockset_of(&context, &b.function);
    ck_assert_uint_eq(result->event_count, 0);
}
END_TEST

START_TEST(trylock_result_in_a_variable)
{
    /* rc = trylock(&g); if (rc != 0) { unlock(&g) -> not held } */
    struct builder b = {.info = {.name = "try_var"}};
    struct block *entry = add_block(&b), *failed = add_block(&b), *got = add_block(&b);
    struct block *exit = add_block(&b);
    add_call(&b, entry, &trylock_fn, address_of_g(), 3);
    add_store_temp(&b, entry, &rc_var, 3);
    branch(entry, (struct value){.kind = VALUE_LOAD, .path = path_of_var(arena, &rc_var)},
           COMPARE_NE, failed, got);
    add_call(&b, failed, &unlock_fn, address_of_g(), 4);   /* wrong: not held here */
    ret(&b, failed, exit, 0);
    add_call(&b, got, &unlock_fn, address_of_g(), 5);
    ret(&b, got, exit, 1);
    finish(&b, exit);
    add_function(&b);
    const struct lockset_result *result = lockset_of(&context, &b.function);
    /* g is a global in an unannotated function: "not held" is only a maybe there. */
    ck_assert_uint_eq(count(result, LOCK_EVENT_NOT_HELD, true), 1);
    ck_assert_uint_eq(count(result, LOCK_EVENT_LEAKED, true), 0);
}
END_TEST

/* A builder for a helper `name(pthread_mutex_t *m)` (lock/unlock/trylock wrappers). */
static const struct var *param_m_list[] = {&param_m};

static void begin_with_param_m(struct builder *b, const char *name)
{
    b->info.name = name;
    b->info.param_count = 1;
    b->function.params = param_m_list;
    b->function.param_count = 1;
}

static struct value load_param_m(void)
{
    return (struct value){.kind = VALUE_LOAD, .path = path_of_var(arena, &param_m)};
}

START_TEST(wrapper_gets_acquire_contract)
{
    /* static void lock_it(pthread_mutex_t *m) { pthread_mutex_lock(m); } */
    struct builder b = {0};
    begin_with_param_m(&b, "lock_it");
    struct block *entry = add_block(&b), *exit = add_block(&b);
    add_call(&b, entry, &lock_fn, load_param_m(), 0);
    ret(&b, entry, exit, 0);
    finish(&b, exit);
    add_function(&b);
    lockset_summarize(&context, &b.function);
    ck_assert_uint_eq(b.info.effect_count, 1);
    ck_assert_int_eq(b.info.effects[0].kind, EFFECT_ACQUIRE);
    ck_assert_int_eq(b.info.effects[0].lock.base, LOCK_BASE_PARAM);
    ck_assert(b.info.effects[0].lock.deref_base);
    ck_assert_int_eq(b.info.origin, ORIGIN_INFERRED);
    /* and a caller locking twice through it is a double lock */
    struct builder c = {.info = {.name = "caller"}};
    struct block *centry = add_block(&c), *cexit;
    add_call(&c, centry, &b.info, address_of_g(), 0);
    add_call(&c, centry, &lock_fn, address_of_g(), 1);
    cexit = add_block(&c);
    ret(&c, centry, cexit, 0);
    finish(&c, cexit);
    add_function(&c);
    const struct lockset_result *result = lockset_of(&context, &c.function);
    ck_assert_uint_eq(count(result, LOCK_EVENT_DOUBLE, false), 1);
}
END_TEST

START_TEST(unlock_wrapper_gets_release_contract)
{
    struct builder b = {0};
    begin_with_param_m(&b, "unlock_it");
    struct block *entry = add_block(&b), *exit = add_block(&b);
    add_call(&b, entry, &unlock_fn, load_param_m(), 0);
    ret(&b, entry, exit, 0);
    finish(&b, exit);
    add_function(&b);
    lockset_summarize(&context, &b.function);
    ck_assert_uint_eq(b.info.effect_count, 1);
    ck_assert_int_eq(b.info.effects[0].kind, EFFECT_RELEASE_ANY);
    /* its own body, checked with that contract, is clean */
    const struct lockset_result *result = lockset_of(&context, &b.function);
    ck_assert_uint_eq(result->event_count, 0);
}
END_TEST

START_TEST(trylock_wrapper_gets_try_contract)
{
    /* int try_it(pthread_mutex_t *m) { if (trylock(m) != 0) return -1; return 0; } */
    struct builder b = {0};
    begin_with_param_m(&b, "try_it");
    struct block *entry = add_block(&b), *failed = add_block(&b), *got = add_block(&b);
    struct block *exit = add_block(&b);
    add_call(&b, entry, &trylock_fn, load_param_m(), 1);
    branch(entry, (struct value){.kind = VALUE_TEMP, .temp = 1}, COMPARE_NE, failed, got);
    ret(&b, failed, exit, -1);
    ret(&b, got, exit, 0);
    finish(&b, exit);
    add_function(&b);
    lockset_summarize(&context, &b.function);
    ck_assert_uint_eq(b.info.effect_count, 1);
    ck_assert_int_eq(b.info.effects[0].kind, EFFECT_TRY_ACQUIRE);
    ck_assert_int_eq(b.info.effects[0].success_value, 0);
    ck_assert_uint_eq(lockset_of(&context, &b.function)->event_count, 0);
}
END_TEST

static void add_write_int(struct builder *b, struct block *block, const struct var *var)
{
    struct inst *inst = &block->insts[block->inst_count++];
    inst->kind = INST_WRITE;
    inst->range = at_line(b);
    inst->path = path_of_var(arena, var);
    inst->value = (struct value){.kind = VALUE_INTEGER, .integer = 1};
}

START_TEST(spawner_runs_concurrently_only_between_spawn_and_join)
{
    /* g = 1; spawn(worker); g = 2; join(); g = 3 */
    static struct var g = {.id = 10, .name = "g", .kind = VAR_GLOBAL, .type = &int_type};
    struct builder worker = {.info = {.name = "worker"}};
    struct block *wentry = add_block(&worker), *wexit = add_block(&worker);
    ret(&worker, wentry, wexit, 0);
    finish(&worker, wexit);
    add_function(&worker);

    struct param_contract spawn_params[2] = {{.thread_fn = true}, {.thread_arg = true}};
    struct function_info spawn = {.name = "spawn", .param_count = 2, .params = spawn_params,
                                  .is_spawn = true, .spawn_handle_param = -1,
                                  .spawn_fn_param = 0, .spawn_arg_param = 1};
    struct param_contract join_params[1] = {{.joins = true}};
    struct function_info join = {.name = "join", .param_count = 1, .params = join_params};

    struct builder b = {.info = {.name = "main"}};
    struct block *entry = add_block(&b), *exit;
    add_write_int(&b, entry, &g);
    add_call(&b, entry, &spawn, (struct value){.kind = VALUE_FUNCTION, .function = &worker.info}, 0);
    add_write_int(&b, entry, &g);
    add_call(&b, entry, &join, (struct value){.kind = VALUE_NULL}, 1);
    add_write_int(&b, entry, &g);
    exit = add_block(&b);
    ret(&b, entry, exit, 0);
    finish(&b, exit);
    add_function(&b);

    const struct lock_threads *threads = lock_threads_of(&context);
    ck_assert_uint_eq(threads->entry_count, 1);
    ck_assert_ptr_eq(threads->entries[0].function, &worker.info);
    ck_assert(lock_threads_is_entry(&context, &worker.info));
    ck_assert(lock_threads_spawns(threads, 1));
    ck_assert(!lock_threads_spawns(threads, 0));
    ck_assert(!lock_threads_concurrent_point(threads, &b.function, entry, 0));
    ck_assert(lock_threads_concurrent_point(threads, &b.function, entry, 2));
    ck_assert(!lock_threads_concurrent_point(threads, &b.function, entry, 4));
}
END_TEST

static Suite *flow_suite(void)
{
    Suite *suite = suite_create("lockset_flow");
    TCase *flow = tcase_create("flow");
    tcase_add_checked_fixture(flow, setup, teardown);
    tcase_add_test(flow, double_lock_is_found_with_its_first_site);
    tcase_add_test(flow, leak_on_one_return_only);
    tcase_add_test(flow, trylock_branch_splits_held_and_not_held);
    tcase_add_test(flow, trylock_result_in_a_variable);
    tcase_add_test(flow, wrapper_gets_acquire_contract);
    tcase_add_test(flow, unlock_wrapper_gets_release_contract);
    tcase_add_test(flow, trylock_wrapper_gets_try_contract);
    tcase_add_test(flow, spawner_runs_concurrently_only_between_spawn_and_join);
    suite_add_tcase(suite, flow);
    return suite;
}

int main(void)
{
    SRunner *runner = srunner_create(flow_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
