/* One TU through the pipeline: parse, model, lower, summaries bottom-up, checks. */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>

#include "analysis/cache.h"
#include "checks/check.h"
#include "frontend/frontend.h"
#include "ir/lower.h"
#include "model/build.h"
#include "support/arena.h"

static bool check_wanted(const struct pipeline_options *options, const struct check *check)
{
    return !options || !options->check_enabled ||
           options->check_enabled(check->name, options->check_enabled_data);
}

/* Contracts are inferred by every check's summarize hook, enabled or not: what the model
 * says about a function must not depend on which checks report. */
static void run_summaries(struct check_context *context)
{
    const struct ir_tu *tu = context->tu;
    if (tu->function_count == 0)
        return;
    struct ir_function **order = malloc(tu->function_count * sizeof *order);
    if (!order)
        abort();
    unsigned count = ir_bottom_up_order(tu, order);
    for (unsigned f = 0; f < count; f++)
        for (unsigned c = 0; c < check_count(); c++)
            if (check_at(c)->summarize)
                check_at(c)->summarize(context, order[f]);
    free(order);
}

static void run_checks(struct check_context *context, const struct pipeline_options *options)
{
    const struct ir_tu *tu = context->tu;
    for (unsigned c = 0; c < check_count(); c++) {
        const struct check *check = check_at(c);
        if (!check_wanted(options, check) || !check->check_function)
            continue;
        for (unsigned f = 0; f < tu->function_count; f++)
            check->check_function(context, tu->functions[f]);
    }
    for (unsigned c = 0; c < check_count(); c++) {
        const struct check *check = check_at(c);
        if (check_wanted(options, check) && check->check_tu)
            check->check_tu(context);
    }
}

static void dump_ir(const struct ir_tu *tu)
{
    for (unsigned f = 0; f < tu->function_count; f++)
        ir_dump_function(tu->functions[f], stderr);
}

enum pipeline_status pipeline_analyze(const struct tu_input *input,
                                      const struct pipeline_options *options,
                                      struct diag_sink *sink)
{
    struct arena *arena = arena_new();
    struct frontend frontend;
    enum pipeline_status status = frontend_parse(&frontend, input, arena, sink);
    /* With compile errors, libclang has recovered: the functions without an error are
     * still analyzed (editors show findings while a file is being edited), the TU still
     * counts as not analyzed. */
    if (status == PIPELINE_ANALYZED || status == PIPELINE_COMPILE_ERRORS) {
        if (status == PIPELINE_ANALYZED && options && options->on_inclusion)
            frontend_for_each_inclusion(&frontend, options->on_inclusion, options->inclusion_data);
        struct model *model = model_build(&frontend, arena);
        struct ir_tu *tu = lower_tu(&frontend, model, arena);
        struct analysis_cache *cache = analysis_cache_new();
        struct check_context context = {tu, model, arena, sink, cache,
                                        options ? options->strict : false};
        run_summaries(&context);
        if (options && options->dump_ir)
            dump_ir(tu); /* after the summaries: the contracts shown include inferred ones */
        run_checks(&context, options);
        if (status == PIPELINE_ANALYZED && model_annotation_problem_count(model) > 0)
            status = PIPELINE_BAD_ANNOTATIONS;
        analysis_cache_free(cache);
        model_free(model);
    }
    frontend_dispose(&frontend);
    arena_free(arena);
    return status;
}
