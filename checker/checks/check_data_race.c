/* data-race: in code without annotations, a global (or the object every instance of a
 * thread function shares) written by one thread and accessed by another with no lock
 * held by both. Thread code is what thread entry functions reach in the TU; the spawning
 * function counts while its threads may run (after the first spawn, before the last
 * join). Reads alone, _Atomic data, thread-local data and locks themselves never race. */
#include <stdlib.h>
#include <string.h>

#include "analysis/lock_inherit.h"
#include "analysis/lock_paths.h"
#include "analysis/lock_report.h"
#include "analysis/lock_threads.h"
#include "support/arena.h"
#include "support/memory.h"

struct candidate {
    const struct lock_access *access;
    const struct ir_function *function;
    unsigned function_index;
    bool main;                    /* the spawner, while its threads may run */
    bool threaded;                /* reached from some thread entry */
    unsigned order;               /* collection order: keeps reports stable */
    unsigned held_count;
    const struct path **held;
};

struct race_scan {
    struct check_context *context;
    const struct lock_threads *threads;
    struct candidate *items;
    unsigned count, capacity;
};

static int entry_of_body(const struct lock_threads *threads, const struct ir_function *function)
{
    for (unsigned e = 0; e < threads->entry_count; e++)
        if (threads->entries[e].function && threads->entries[e].function->body == function)
            return (int)e;
    return -1;
}

static bool threaded(const struct lock_threads *threads, unsigned f)
{
    for (unsigned e = 0; e < threads->entry_count; e++)
        if (lock_threads_reaches(threads, f, e))
            return true;
    return false;
}

/* A parameter-rooted access races only on the one object all instances share. */
static bool shared_param_access(const struct lock_threads *threads,
                                const struct ir_function *function, const struct path *path)
{
    if (path->root->kind != VAR_PARAM)
        return true;
    int e = entry_of_body(threads, function);
    return e >= 0 && threads->entries[e].shared_arg && threads->entries[e].spawn_count >= 2 &&
           function->param_count > 0 && function->params[0] == path->root;
}

static void push(struct race_scan *scan, struct candidate candidate)
{
    candidate.order = scan->count;
    scan->items = grow_array(scan->items, &scan->capacity, scan->count + 1, sizeof *scan->items);
    scan->items[scan->count++] = candidate;
}

static const struct path **merge_held(struct check_context *context,
                                      const struct lock_access *access,
                                      const struct path *const *inherited, unsigned inherited_count,
                                      unsigned *count)
{
    const struct path **held = ARENA_ARRAY(context->arena, const struct path *,
                                           access->held_count + inherited_count + 1);
    for (unsigned i = 0; i < access->held_count; i++)
        held[i] = access->held[i];
    for (unsigned i = 0; i < inherited_count; i++)
        held[access->held_count + i] = inherited[i];
    *count = access->held_count + inherited_count;
    return held;
}

static void collect_function(struct race_scan *scan, unsigned f)
{
    const struct ir_function *function = scan->context->tu->functions[f];
    bool in_thread = threaded(scan->threads, f);
    bool spawner = lock_threads_spawns(scan->threads, f);
    if (!in_thread && !spawner)
        return;
    const struct lockset_result *result = lockset_of(scan->context, function);
    if (result->skipped)
        return;
    unsigned inherited_count;
    const struct path *const *inherited = lock_inherited(scan->context, f, &inherited_count);
    for (unsigned i = 0; i < result->access_count; i++) {
        const struct lock_access *access = &result->accesses[i];
        if (access->path->root->thread_local ||
            !shared_param_access(scan->threads, function, access->path))
            continue;
        bool main = spawner && access->path->root->kind != VAR_PARAM &&
                    lock_threads_concurrent_point(scan->threads, function, access->block,
                                                  access->inst_index);
        if (!main && !in_thread)
            continue;
        struct candidate candidate = {.access = access, .function = function,
                                      .function_index = f, .main = main, .threaded = in_thread};
        candidate.held = merge_held(scan->context, access, inherited, inherited_count,
                                    &candidate.held_count);
        push(scan, candidate);
    }
}

static int by_root(const void *a, const void *b)
{
    const struct candidate *p = a, *q = b;
    const struct var *x = p->access->path->root, *y = q->access->path->root;
    if (x != y)
        return x->id < y->id ? -1 : x->id > y->id ? 1 : (x < y ? -1 : 1);
    return p->order < q->order ? -1 : p->order > q->order;
}

/* Same object, as far as paths tell: same root, steps agree up to the shorter path. */
static bool may_alias(const struct path *a, const struct path *b)
{
    if (a->root != b->root)
        return false;
    unsigned n = a->step_count < b->step_count ? a->step_count : b->step_count;
    for (unsigned i = 0; i < n; i++) {
        const struct step *x = &a->steps[i], *y = &b->steps[i];
        if (x->kind != y->kind)
            return false;
        if (x->kind == STEP_FIELD && x->field != y->field)
            return false;
        if (x->kind == STEP_INDEX && x->index != y->index && x->index != INDEX_UNKNOWN &&
            y->index != INDEX_UNKNOWN)
            return false;
    }
    return true;
}

/* Both through an index the analysis cannot read (`slots[i]`, `list[id]`): arrays are
 * usually partitioned between threads, one element each. */
static bool both_indexed(const struct path *a, const struct path *b)
{
    return lock_path_has_unknown_index(a) && lock_path_has_unknown_index(b);
}

static bool concurrent(const struct lock_threads *threads, const struct candidate *a,
                       const struct candidate *b)
{
    if ((a->main && b->threaded) || (b->main && a->threaded))
        return true;
    for (unsigned e1 = 0; e1 < threads->entry_count; e1++) {
        if (!lock_threads_reaches(threads, a->function_index, e1))
            continue;
        for (unsigned e2 = 0; e2 < threads->entry_count; e2++)
            if (lock_threads_reaches(threads, b->function_index, e2) &&
                (e1 != e2 || threads->entries[e1].spawn_count >= 2))
                return true;
    }
    return false;
}

static bool common_lock(const struct candidate *a, const struct candidate *b)
{
    for (unsigned i = 0; i < a->held_count; i++)
        for (unsigned j = 0; j < b->held_count; j++)
            if (path_equal(a->held[i], b->held[j]))
                return true;
    return false;
}

static void describe(struct check_context *context, struct diagnostic *diag,
                     const struct candidate *c, bool also)
{
    const char *name = c->function->name ? c->function->name : "?";
    const char *verb = c->access->write ? "written" : "read";
    const char *prefix = also ? "also " : "";
    if (c->main)
        diag_add_note(diag, c->access->range,
                      "%s%s in '%s' while the threads it started may run", prefix, verb, name);
    else if (c->held_count == 0)
        diag_add_note(diag, c->access->range, "%s%s in '%s' with no lock held", prefix, verb,
                      name);
    else
        diag_add_note(diag, c->access->range, "%s%s in '%s' holding '%s'", prefix, verb, name,
                      lockset_name(context, c->held[0]));
}

static void self_race_note(const struct lock_threads *threads, struct diagnostic *diag,
                           const struct candidate *a, const struct candidate *b)
{
    if (a->main || b->main)
        return;
    for (unsigned e = 0; e < threads->entry_count; e++)
        if (lock_threads_reaches(threads, a->function_index, e) &&
            lock_threads_reaches(threads, b->function_index, e) &&
            threads->entries[e].spawn_count >= 2) {
            diag_add_note(diag, threads->entries[e].spawn_site,
                          "'%s' runs in several threads at once", threads->entries[e].function->name);
            return;
        }
}

static void report(struct race_scan *scan, const struct candidate *a, const struct candidate *b)
{
    struct check_context *context = scan->context;
    const char *name = lockset_name(context, a->access->shown);
    struct diagnostic *diag = diag_new("data-race", SEVERITY_WARNING, a->access->range,
                                       "data race on '%s'", name);
    describe(context, diag, a, false);
    describe(context, diag, b, true);
    self_race_note(scan->threads, diag, a, b);
    diag_add_note(diag, a->access->range,
                  "help: protect every access to '%s' with the same lock, or make it _Atomic",
                  name);
    check_report(context, diag);
}

/* One warning per racing location (the write that starts each group). */
static void find_races(struct race_scan *scan, unsigned first, unsigned end)
{
    bool *reported = calloc(end - first + 1, sizeof *reported);
    for (unsigned i = first; reported && i < end; i++) {
        const struct candidate *a = &scan->items[i];
        if (!a->access->write || reported[i - first])
            continue;
        for (unsigned j = first; j < end; j++) {
            const struct candidate *b = &scan->items[j];
            if (!may_alias(a->access->path, b->access->path) ||
                both_indexed(a->access->path, b->access->path) ||
                !concurrent(scan->threads, a, b) || common_lock(a, b))
                continue;
            report(scan, a, b);
            for (unsigned k = first; k < end; k++)
                if (path_equal(scan->items[k].access->path, a->access->path) ||
                    (k == j && b->access->write))
                    reported[k - first] = true;
            break;
        }
    }
    free(reported);
}

static void check_tu(struct check_context *context)
{
    const struct lock_threads *threads = lock_threads_of(context);
    if (threads->entry_count == 0)
        return;
    struct race_scan scan = {context, threads, NULL, 0, 0};
    for (unsigned f = 0; f < context->tu->function_count; f++)
        collect_function(&scan, f);
    if (scan.count > 0)
        qsort(scan.items, scan.count, sizeof *scan.items, by_root);
    for (unsigned start = 0; start < scan.count;) {
        unsigned end = start + 1;
        while (end < scan.count && scan.items[end].access->path->root ==
                                       scan.items[start].access->path->root)
            end++;
        find_races(&scan, start, end);
        start = end;
    }
    free(scan.items);
}

const struct check check_data_race = {
    .name = "data-race",
    .severity = SEVERITY_WARNING,
    .summary = "shared data written by one thread and accessed by another without a common lock",
    .explanation =
        "In code without annotations, fearless infers which data threads share: globals and\n"
        "the object every instance of a thread function receives. A write there, while\n"
        "another thread reads or writes it, needs one lock held by both; otherwise the\n"
        "result is undefined (lost updates, torn values). Initialisation before the first\n"
        "spawn and reads after the last join are fine; _Atomic data never races. Rust\n"
        "rejects such programs: shared data must sit behind a Mutex or be atomic.\n"
        "\n"
        "Wrong:\n"
        "    static long counter;\n"
        "    static void *worker(void *arg) { counter++; return arg; }\n"
        "\n"
        "Right:\n"
        "    static long counter;\n"
        "    static pthread_mutex_t counter_mu = PTHREAD_MUTEX_INITIALIZER;\n"
        "    static void *worker(void *arg)\n"
        "    {\n"
        "        pthread_mutex_lock(&counter_mu);\n"
        "        counter++;\n"
        "        pthread_mutex_unlock(&counter_mu);\n"
        "        return arg;\n"
        "    }\n",
    .summarize = lockset_summarize,
    .check_tu = check_tu,
};
