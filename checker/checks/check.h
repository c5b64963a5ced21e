/* A check: one diagnostic id, one file (checks/check_<name>.c), registered by one line in
 * checks/registry.c. Checks read the IR and the model, query shared analyses
 * (analysis/), and report diagnostics. They never see libclang cursors. */
#ifndef FEARLESS_CHECK_H
#define FEARLESS_CHECK_H

#include <stdbool.h>

#include "diag/diag.h"
#include "ir/ir.h"

struct analysis_cache;

/* What a check gets for one translation unit. */
struct check_context {
    const struct ir_tu *tu;
    struct model *model;
    struct arena *arena;            /* the TU's arena */
    struct diag_sink *sink;
    struct analysis_cache *cache;   /* per-TU memo for shared analyses (analysis/cache.h) */
    bool strict;                    /* --strict: report what cannot be proven */
};

struct check {
    const char *name;               /* "use-after-move"; the id is "fearless-" name */
    enum severity severity;
    const char *summary;            /* one line: --list-checks, SARIF shortDescription */
    const char *explanation;        /* --explain: what, why, a wrong and a right example */
    /* Optional, run over functions bottom-up before any check runs: infer contracts of
     * unannotated functions defined in the TU into function->info (origin INFERRED). */
    void (*summarize)(struct check_context *context, struct ir_function *function);
    /* Optional, once per function definition (skipped for NO_THREAD_SAFETY_ANALYSIS
     * bodies by checks about locks; see function->info). */
    void (*check_function)(struct check_context *context, const struct ir_function *function);
    /* Optional, once per TU after every function: cross-function checks. */
    void (*check_tu)(struct check_context *context);
};

/* The registry (checks/registry.c). */
unsigned check_count(void);
const struct check *check_at(unsigned index);
const struct check *check_find(const char *name); /* with or without "fearless-" */

/* Convenience used by every check: the report goes through the sink. */
static inline void check_report(struct check_context *context, struct diagnostic *diag)
{
    diag_report(context->sink, diag);
}

#endif
