/* The CLI's flow: parse options; --help/--version/--list-checks/--explain; --verify; else
 * collect TUs, analyze them in parallel, apply --baseline/--diff, emit, summarize, and
 * turn the findings into the exit status. */
#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checks/check.h"
#include "diag/sink.h"
#include "driver/baseline.h"
#include "driver/cache.h"
#include "driver/diff.h"
#include "driver/driver.h"
#include "driver/run.h"
#include "driver/shard.h"
#include "verify/run.h"

static int print_version(void)
{
    CXString clang = clang_getClangVersion();
    printf("fearless version %s\n  using %s\n", FEARLESS_VERSION, clang_getCString(clang));
    clang_disposeString(clang);
    return EXIT_CLEAN;
}

static bool check_enabled(const char *name, void *data)
{
    return diag_filter_check_enabled(data, name);
}

static int list_checks(const struct diag_filter *filter)
{
    printf("Enabled checks:\n");
    for (unsigned i = 0; i < check_count(); i++) {
        const struct check *check = check_at(i);
        if (diag_filter_check_enabled(filter, check->name))
            printf("    fearless-%-24s %-8s %s\n", check->name, severity_name(check->severity),
                   check->summary);
    }
    return EXIT_CLEAN;
}

static int explain(const char *name)
{
    const struct check *check = check_find(name);
    if (!check) {
        fprintf(stderr, "fearless: error: unknown check '%s' (see --list-checks)\n", name);
        return EXIT_INPUT_ERROR;
    }
    printf("fearless-%s (%s): %s\n\n%s\n", check->name, severity_name(check->severity),
           check->summary, check->explanation ? check->explanation : "");
    return EXIT_CLEAN;
}

static bool any_check_enabled(const struct diag_filter *filter)
{
    for (unsigned i = 0; i < check_count(); i++)
        if (diag_filter_check_enabled(filter, check_at(i)->name))
            return true;
    return false;
}

int driver_main(int argc, char **argv)
{
    struct options options;
    const char *error = NULL;
    if (!options_parse(argc, argv, &options, &error)) {
        fprintf(stderr, "fearless: error: %s\n", error);
        options_free(&options);
        return EXIT_INPUT_ERROR;
    }
    char *filter_error = NULL;
    struct diag_filter *filter =
        diag_filter_new(options.checks, options.verify ? ".*" : options.header_filter,
                        &filter_error);
    int status;
    if (!filter) {
        fprintf(stderr, "fearless: error: %s\n", filter_error ? filter_error : "bad filter");
        free(filter_error);
        status = EXIT_INPUT_ERROR;
    } else if (options.help) {
        options_print_help(stdout);
        status = EXIT_CLEAN;
    } else if (options.version) {
        status = print_version();
    } else if (options.list_checks) {
        status = list_checks(filter);
    } else if (options.explain) {
        status = explain(options.explain);
    } else if (!any_check_enabled(filter)) {
        fputs("fearless: error: no checks enabled (see --checks and --list-checks)\n", stderr);
        status = EXIT_INPUT_ERROR;
    } else {
        struct pipeline_options pipeline = {
            .strict = options.strict,
            .check_enabled = check_enabled,
            .check_enabled_data = filter,
            .dump_ir = options.dump_ir,
        };
        status = options.verify ? verify_run(&options, filter, &pipeline)
                                : analysis_run(&options, filter, &pipeline);
    }
    diag_filter_free(filter);
    options_free(&options);
    return status;
}
