/* Which code runs on which thread, as far as the lock analyses need it: thread entry
 * functions (passed to a spawn in this TU), how often each is spawned, which functions of
 * the TU each entry reaches, and whether a point of a spawning function may run while the
 * threads it started are still running (after a spawn and not after the last join). */
#ifndef FEARLESS_ANALYSIS_LOCK_THREADS_H
#define FEARLESS_ANALYSIS_LOCK_THREADS_H

#include <stdbool.h>

#include "checks/check.h"

/* How many direct calls deep thread code is followed from an entry function. */
#define LOCK_THREADS_DEPTH 2

struct lock_thread_entry {
    const struct function_info *function;
    const struct ir_function *spawner;   /* the function of the first spawn */
    struct source_range spawn_site;      /* the first spawn */
    unsigned spawn_count;                /* spawn sites, a site in a loop counting twice */
    bool shared_arg;                     /* every spawn passes the same object's address */
    const struct path *arg;              /* that object */
};

struct lock_threads {
    unsigned entry_count;
    struct lock_thread_entry *entries;
    unsigned function_count;             /* tu->function_count */
    bool *reaches;                       /* reaches[f * entry_count + e] */
    bool *spawns_within, *joins_within;  /* per function: spawns / joins, itself or callees */
    bool *contained;                     /* per function: its threads end before it returns */
    struct check_context *context;
};

const struct lock_threads *lock_threads_of(struct check_context *context);
bool lock_threads_is_entry(struct check_context *context, const struct function_info *function);
/* Entry e reaches function index f (itself included, LOCK_THREADS_DEPTH calls at most). */
bool lock_threads_reaches(const struct lock_threads *threads, unsigned f, unsigned e);
/* In a function that spawns (itself or through a callee: `start_workers()`): may the
 * threads run during inst `index` of `block`? False before the first spawn and after the
 * last join (direct, or through a callee that joins). */
bool lock_threads_concurrent_point(const struct lock_threads *threads,
                                   const struct ir_function *function, const struct block *block,
                                   unsigned index);
bool lock_threads_spawns(const struct lock_threads *threads, unsigned f);
/* Index of a function definition in context->tu->functions, or -1 (hashed, per TU). */
int lock_function_index(struct check_context *context, const struct ir_function *function);

#endif
