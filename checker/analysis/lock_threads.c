/* Thread structure of a TU for the lock analyses (see lock_threads.h). */
#include "analysis/lock_threads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "support/arena.h"
#include "support/hashmap.h"

static const char threads_key;
static void mark_thread_functions(struct lock_threads *threads, const struct ir_tu *tu);
static const char index_key;

static void free_index(void *value)
{
    hashmap_destroy(value);
    free(value);
}

int lock_function_index(struct check_context *context, const struct ir_function *function)
{
    struct hashmap *map = analysis_cache_lookup(context->cache, &index_key, NULL);
    if (!map) {
        map = malloc(sizeof *map);
        if (!map)
            return -1;
        hashmap_init(map);
        for (unsigned f = 0; f < context->tu->function_count; f++)
            intmap_put(map, (uintptr_t)context->tu->functions[f], (void *)(uintptr_t)(f + 1));
        analysis_cache_store(context->cache, &index_key, NULL, map, free_index);
    }
    uintptr_t found = (uintptr_t)intmap_get(map, (uintptr_t)function);
    return found ? (int)(found - 1) : -1;
}

static bool is_spawn_call(const struct inst *inst)
{
    return inst->kind == INST_CALL && inst->call.callee && inst->call.callee->is_spawn;
}

static bool is_join_call(const struct inst *inst)
{
    const struct function_info *callee = inst->call.callee;
    if (inst->kind != INST_CALL || !callee || !callee->params)
        return false;
    for (unsigned i = 0; i < callee->param_count; i++)
        if (callee->params[i].joins)
            return true;
    return false;
}

static const struct function_info *spawned_function(const struct inst *inst)
{
    const struct function_info *callee = inst->call.callee;
    int index = callee->spawn_fn_param;
    if (index < 0 || (unsigned)index >= inst->call.arg_count)
        return NULL;
    const struct value *fn = &inst->call.args[index];
    return fn->kind == VALUE_FUNCTION ? fn->function : NULL;
}

/* The object a spawn hands over when it is one fixed object: `&shared`, `&s.f` (no index,
 * no pointer on the way), or NULL. */
static const struct path *fixed_object_arg(const struct inst *inst)
{
    const struct function_info *callee = inst->call.callee;
    int index = callee->spawn_arg_param;
    if (index < 0 || (unsigned)index >= inst->call.arg_count)
        return NULL;
    const struct value *arg = &inst->call.args[index];
    if (arg->kind != VALUE_ADDRESS || !arg->path || !arg->path->root)
        return NULL;
    for (unsigned i = 0; i < arg->path->step_count; i++)
        if (arg->path->steps[i].kind != STEP_FIELD)
            return NULL;
    return arg->path;
}

/* Every spawn of the entry must hand over the same object for its instances to share it. */
static void note_arg(struct lock_thread_entry *entry, const struct inst *inst, bool first)
{
    const struct path *arg = fixed_object_arg(inst);
    if (first)
        entry->arg = arg;
    entry->shared_arg &= arg && entry->arg && path_equal(arg, entry->arg);
}

static struct lock_thread_entry *entry_for(struct lock_threads *threads,
                                           const struct function_info *function, unsigned limit)
{
    for (unsigned e = 0; e < threads->entry_count; e++)
        if (threads->entries[e].function == function)
            return &threads->entries[e];
    if (threads->entry_count == limit)
        return NULL;
    struct lock_thread_entry *entry = &threads->entries[threads->entry_count++];
    entry->function = function;
    entry->shared_arg = true;
    return entry;
}

static unsigned count_spawns(const struct ir_tu *tu)
{
    unsigned count = 0;
    for (unsigned f = 0; f < tu->function_count; f++)
        for (unsigned b = 0; b < tu->functions[f]->block_count; b++) {
            const struct block *block = tu->functions[f]->blocks[b];
            for (unsigned i = 0; i < block->inst_count; i++)
                count += is_spawn_call(&block->insts[i]);
        }
    return count;
}

static void find_entries(struct lock_threads *threads, const struct ir_tu *tu, unsigned limit)
{
    for (unsigned f = 0; f < tu->function_count; f++) {
        const struct ir_function *function = tu->functions[f];
        for (unsigned b = 0; b < function->block_count; b++) {
            const struct block *block = function->blocks[b];
            for (unsigned i = 0; i < block->inst_count; i++) {
                const struct inst *inst = &block->insts[i];
                const struct function_info *fn = is_spawn_call(inst) ? spawned_function(inst)
                                                                     : NULL;
                struct lock_thread_entry *entry = fn ? entry_for(threads, fn, limit) : NULL;
                if (!entry)
                    continue;
                bool first = entry->spawn_count == 0;
                if (first) {
                    entry->spawner = function;
                    entry->spawn_site = inst->range;
                }
                entry->spawn_count += block->loop_depth > 0 ? 2 : 1;
                note_arg(entry, inst, first);
            }
        }
    }
}

/* Marks the functions of the TU reachable from `start` through at most
 * LOCK_THREADS_DEPTH direct calls (breadth first). Deeper code is left out: static call
 * paths overstate what a thread runs (redis's I/O threads "reach" most of the server). */
static void mark_reachable(struct check_context *context, struct lock_threads *threads,
                           unsigned entry, int start)
{
    const struct ir_tu *tu = context->tu;
    int *queue = malloc(sizeof *queue * (tu->function_count + 1));
    unsigned *depth = calloc(tu->function_count + 1, sizeof *depth);
    unsigned head = 0, tail = 0;
    if (!queue || !depth)
        goto done;
    threads->reaches[(unsigned)start * threads->entry_count + entry] = true;
    queue[tail++] = start;
    while (head < tail) {
        int current = queue[head++];
        if (depth[current] >= LOCK_THREADS_DEPTH)
            continue;
        const struct ir_function *function = tu->functions[current];
        for (unsigned b = 0; b < function->block_count; b++) {
            const struct block *block = function->blocks[b];
            for (unsigned i = 0; i < block->inst_count; i++) {
                const struct inst *inst = &block->insts[i];
                if (inst->kind != INST_CALL || !inst->call.callee || !inst->call.callee->body)
                    continue;
                int callee = lock_function_index(context, inst->call.callee->body);
                bool *seen = callee < 0 ? NULL
                             : &threads->reaches[(unsigned)callee * threads->entry_count + entry];
                if (seen && !*seen) {
                    *seen = true;
                    depth[callee] = depth[current] + 1;
                    queue[tail++] = callee;
                }
            }
        }
    }
done:
    free(queue);
    free(depth);
}

static void no_release(void *value)
{
    (void)value;
}

/* ---- functions whose threads end inside them --------------------------------------------- */

static bool local_object(const struct value *value)
{
    if (value->kind != VALUE_ADDRESS || !value->path || value->path->root->kind != VAR_LOCAL)
        return false;
    for (unsigned i = 0; i < value->path->step_count; i++)
        if (value->path->steps[i].kind == STEP_DEREF)
            return false;
    return true;
}

static bool joins_root(const struct ir_function *function, const struct var *root)
{
    for (unsigned b = 0; b < function->block_count; b++)
        for (unsigned i = 0; i < function->blocks[b]->inst_count; i++) {
            const struct inst *inst = &function->blocks[b]->insts[i];
            if (!is_join_call(inst))
                continue;
            for (unsigned a = 0; a < inst->call.arg_count && a < inst->call.callee->param_count;
                 a++)
                if (inst->call.callee->params[a].joins && inst->call.args[a].path &&
                    inst->call.args[a].path->root == root)
                    return true;
        }
    return false;
}

/* A spawn into a handle local to the function (`&t`, `&threads[i]`, `&scope`), with no
 * attributes (which could detach it), whose handle the function joins. */
static bool spawn_contained(const struct ir_function *function, const struct call *call)
{
    const struct function_info *callee = call->callee;
    int handle = callee->spawn_handle_param;
    if (handle < 0 || (unsigned)handle >= call->arg_count || !local_object(&call->args[handle]))
        return false;
    for (unsigned a = 0; a < call->arg_count; a++) {
        const struct value *arg = &call->args[a];
        bool attribute = (int)a != handle && (int)a != callee->spawn_fn_param &&
                         (int)a != callee->spawn_arg_param;
        if (attribute && arg->kind != VALUE_NULL &&
            !(arg->kind == VALUE_INTEGER && arg->integer == 0))
            return false;
    }
    return joins_root(function, call->args[handle].path->root);
}

/* `run_phase()`: spawns workers into local handles and joins them before it returns, so
 * for its callers it is no spawn (code before and after it runs with no thread). Any path
 * joining is enough, as for the other heuristics here: a skipped join is reported by
 * thread-not-joined. A call to another spawning function or a detach makes it not so. */
static bool threads_contained(const struct ir_function *function)
{
    bool spawns = false;
    for (unsigned b = 0; b < function->block_count; b++)
        for (unsigned i = 0; i < function->blocks[b]->inst_count; i++) {
            const struct inst *inst = &function->blocks[b]->insts[i];
            const struct function_info *callee = inst->kind == INST_CALL ? inst->call.callee
                                                                        : NULL;
            if (!callee)
                continue;
            if (callee->is_spawn) {
                if (!spawn_contained(function, &inst->call))
                    return false;
                spawns = true;
            } else if (callee->body && callee->body != function) {
                return false; /* a callee might spawn: decided without the call graph */
            }
            for (unsigned p = 0; callee->params && p < callee->param_count; p++)
                if (callee->params[p].detaches)
                    return false;
        }
    return spawns;
}

const struct lock_threads *lock_threads_of(struct check_context *context)
{
    struct lock_threads *threads = analysis_cache_lookup(context->cache, &threads_key, NULL);
    if (threads)
        return threads;
    const struct ir_tu *tu = context->tu;
    threads = ARENA_NEW(context->arena, struct lock_threads);
    unsigned limit = count_spawns(tu);
    threads->entries = ARENA_ARRAY(context->arena, struct lock_thread_entry, limit + 1);
    find_entries(threads, tu, limit);
    threads->function_count = tu->function_count;
    threads->reaches = ARENA_ARRAY(context->arena, bool,
                                   tu->function_count * threads->entry_count + 1);
    for (unsigned e = 0; e < threads->entry_count; e++) {
        const struct function_info *fn = threads->entries[e].function;
        int start = fn && fn->body ? lock_function_index(context, fn->body) : -1;
        if (start >= 0)
            mark_reachable(context, threads, e, start);
    }
    threads->context = context;
    threads->spawns_within = ARENA_ARRAY(context->arena, bool, tu->function_count + 1);
    threads->joins_within = ARENA_ARRAY(context->arena, bool, tu->function_count + 1);
    threads->contained = ARENA_ARRAY(context->arena, bool, tu->function_count + 1);
    for (unsigned f = 0; f < tu->function_count; f++)
        threads->contained[f] = threads_contained(tu->functions[f]);
    mark_thread_functions(threads, tu);
    analysis_cache_store(context->cache, &threads_key, NULL, threads, no_release);
    return threads;
}

bool lock_threads_is_entry(struct check_context *context, const struct function_info *function)
{
    const struct lock_threads *threads = lock_threads_of(context);
    for (unsigned e = 0; e < threads->entry_count; e++)
        if (threads->entries[e].function == function)
            return true;
    return false;
}

bool lock_threads_reaches(const struct lock_threads *threads, unsigned f, unsigned e)
{
    return f < threads->function_count && e < threads->entry_count &&
           threads->reaches[f * threads->entry_count + e];
}

/* ---- concurrency inside a spawning function -------------------------------------------------- */

/* A call that starts (or joins) threads: directly, or through a function of the TU that
 * does (`start_workers()` ... `stop_workers()`). */
struct thread_call_kind {
    const struct lock_threads *threads;
    bool join;
};

static bool is_thread_call(const struct thread_call_kind *kind, const struct inst *inst)
{
    if (inst->kind != INST_CALL || !inst->call.callee)
        return false;
    if (kind->join ? is_join_call(inst) : is_spawn_call(inst))
        return true;
    const struct ir_function *body = inst->call.callee->body;
    int index = body ? lock_function_index(kind->threads->context, body) : -1;
    if (index < 0)
        return false;
    if (kind->join)
        return kind->threads->joins_within[index];
    return kind->threads->spawns_within[index] && !kind->threads->contained[index];
}

static bool block_has(const struct block *block, const struct thread_call_kind *kind,
                      unsigned from, unsigned to)
{
    for (unsigned i = from; i < to && i < block->inst_count; i++)
        if (is_thread_call(kind, &block->insts[i]))
            return true;
    return false;
}

/* Blocks reachable from `start` by one edge or more. */
static void forward(const struct block *start, bool *seen, const struct block **stack)
{
    unsigned depth = 0;
    stack[depth++] = start;
    while (depth > 0) {
        const struct block *block = stack[--depth];
        for (unsigned s = 0; s < block->successor_count; s++) {
            const struct block *next = block->successors[s].to;
            if (next && !seen[next->id]) {
                seen[next->id] = true;
                stack[depth++] = next;
            }
        }
    }
}

/* Is some block holding such a call reachable from (after) `block`? */
static bool reaches_call(const struct ir_function *function, const struct block *block,
                         const struct thread_call_kind *kind, bool *seen,
                         const struct block **stack)
{
    memset(seen, 0, function->block_count * sizeof *seen);
    forward(block, seen, stack);
    for (unsigned b = 0; b < function->block_count; b++)
        if (seen[b] && block_has(function->blocks[b], kind, 0, ~0u))
            return true;
    return false;
}

static bool function_has(const struct ir_function *function, const struct thread_call_kind *kind)
{
    for (unsigned b = 0; b < function->block_count; b++)
        if (block_has(function->blocks[b], kind, 0, ~0u))
            return true;
    return false;
}

/* spawns_within / joins_within: to a fixpoint over the TU's direct calls. */
static void mark_thread_functions(struct lock_threads *threads, const struct ir_tu *tu)
{
    struct thread_call_kind spawn = {threads, false}, join = {threads, true};
    for (bool changed = true; changed;) {
        changed = false;
        for (unsigned f = 0; f < tu->function_count; f++) {
            if (!threads->spawns_within[f] && function_has(tu->functions[f], &spawn))
                changed = threads->spawns_within[f] = true;
            if (!threads->joins_within[f] && function_has(tu->functions[f], &join))
                changed = threads->joins_within[f] = true;
        }
    }
}

bool lock_threads_spawns(const struct lock_threads *threads, unsigned f)
{
    return f < threads->function_count && threads->spawns_within[f];
}

/* Per spawning function, per block: reached from a spawn / join block, reaching one. */
struct block_facts {
    bool *after_spawn, *after_join, *reaches_spawn, *reaches_join;
};

static const char facts_key;

static void free_facts(void *value)
{
    struct block_facts *facts = value;
    free(facts->after_spawn);
    free(facts);
}

static void mark_after(const struct ir_function *function, const struct thread_call_kind *kind,
                       bool *after, bool *seen, const struct block **stack)
{
    for (unsigned b = 0; b < function->block_count; b++) {
        if (!block_has(function->blocks[b], kind, 0, ~0u))
            continue;
        memset(seen, 0, function->block_count * sizeof *seen);
        forward(function->blocks[b], seen, stack);
        for (unsigned t = 0; t < function->block_count; t++)
            after[t] |= seen[t];
    }
}

static void mark_reaching(const struct ir_function *function, const struct thread_call_kind *kind,
                          bool *reaching, bool *seen, const struct block **stack)
{
    for (unsigned b = 0; b < function->block_count; b++)
        reaching[b] = reaches_call(function, function->blocks[b], kind, seen, stack);
}

static const struct block_facts *facts_of(const struct lock_threads *threads,
                                          const struct ir_function *function)
{
    struct check_context *context = threads->context;
    struct block_facts *facts = analysis_cache_lookup(context->cache, &facts_key, function);
    if (facts)
        return facts;
    unsigned n = function->block_count;
    facts = calloc(1, sizeof *facts);
    bool *all = calloc(4 * (size_t)n + 4, sizeof *all);
    bool *seen = calloc(n + 1, sizeof *seen);
    const struct block **stack = calloc(n + 1, sizeof *stack);
    if (!facts || !all || !seen || !stack) {
        fprintf(stderr, "fearless: out of memory\n");
        abort();
    }
    facts->after_spawn = all;
    facts->after_join = all + n + 1;
    facts->reaches_spawn = all + 2 * (n + 1);
    facts->reaches_join = all + 3 * (n + 1);
    struct thread_call_kind spawn = {threads, false}, join = {threads, true};
    mark_after(function, &spawn, facts->after_spawn, seen, stack);
    mark_after(function, &join, facts->after_join, seen, stack);
    mark_reaching(function, &spawn, facts->reaches_spawn, seen, stack);
    mark_reaching(function, &join, facts->reaches_join, seen, stack);
    free(seen);
    free(stack);
    analysis_cache_store(context->cache, &facts_key, function, facts, free_facts);
    return facts;
}

bool lock_threads_concurrent_point(const struct lock_threads *threads,
                                   const struct ir_function *function, const struct block *block,
                                   unsigned index)
{
    struct thread_call_kind spawn = {threads, false}, join = {threads, true};
    const struct block_facts *facts = facts_of(threads, function);
    unsigned b = block->id;
    bool after_spawn = block_has(block, &spawn, 0, index) || facts->after_spawn[b];
    if (!after_spawn)
        return false;
    bool after_join = block_has(block, &join, 0, index) || facts->after_join[b];
    bool more_later = block_has(block, &join, index + 1, ~0u) ||
                      block_has(block, &spawn, index + 1, ~0u) || facts->reaches_join[b] ||
                      facts->reaches_spawn[b];
    return !(after_join && !more_later);
}
