#define _GNU_SOURCE /* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag/sink.h"
#include "driver/baseline.h"
#include "driver/cache.h"
#include "driver/diff.h"
#include "driver/driver.h"
#include "driver/run.h"
#include "driver/shard.h"

/* What the options ask for besides analysis; loaded up front, so a bad --baseline fails
 * before minutes of work. */
struct run_extras {
    unsigned shard_index, shard_count;
    struct baseline *baseline;
    struct changed_lines *diff;
    struct result_cache *cache;
    FILE *out;
};

static bool load_failed(const char *what, char *error)
{
    fprintf(stderr, "fearless: error: %s: %s\n", what, error ? error : "failed");
    free(error);
    return false;
}

static bool extras_load(const struct options *options, struct run_extras *extras)
{
    char *error = NULL;
    extras->out = stdout;
    if (options->shard && !shard_parse(options->shard, &extras->shard_index, &extras->shard_count)) {
        fprintf(stderr, "fearless: error: invalid --shard '%s': expected I/N with 1 <= I <= N\n",
                options->shard);
        return false;
    }
    if (options->baseline && !(extras->baseline = baseline_load(options->baseline, &error)))
        return load_failed("--baseline", error);
    if (options->diff && !(extras->diff = diff_load(options->diff_ref, &error)))
        return load_failed("--diff", error);
    if (options->cache_dir && !(extras->cache = result_cache_open(options->cache_dir, &error)))
        return load_failed("--cache-dir", error);
    if (options->output && !(extras->out = fopen(options->output, "w"))) {
        fprintf(stderr, "fearless: error: cannot write '%s': %m\n", options->output);
        return false;
    }
    return true;
}

static void extras_free(struct run_extras *extras)
{
    baseline_free(extras->baseline);
    diff_free(extras->diff);
    result_cache_close(extras->cache);
    if (extras->out && extras->out != stdout)
        fclose(extras->out);
}

unsigned jobs_default(unsigned requested)
{
    if (requested)
        return requested;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (unsigned)cores : 1;
}

void add_system_directories(struct diag_filter *filter, const struct tu_command_list *commands)
{
    for (unsigned i = 0; i < commands->count; i++) {
        const struct tu_command *command = &commands->items[i];
        for (int j = 0; j < command->argument_count; j++) {
            const char *argument = command->arguments[j];
            if (strcmp(argument, "-isystem") == 0 && j + 1 < command->argument_count)
                diag_filter_add_system_directory(filter, command->arguments[++j]);
            else if (strncmp(argument, "-isystem", 8) == 0 && argument[8])
                diag_filter_add_system_directory(filter, argument + 8);
        }
    }
}

static void keep_shard(struct tu_command_list *commands, const struct run_extras *extras)
{
    if (!extras->shard_count)
        return;
    struct tu_command_list kept = {0}, dropped = {0};
    for (unsigned i = 0; i < commands->count; i++)
        command_list_add(shard_selects(extras->shard_index, extras->shard_count,
                                       commands->items[i].file) ? &kept : &dropped,
                         commands->items[i]);
    free(commands->items);
    command_list_free(&dropped);
    *commands = kept;
}

static bool in_baseline(const struct diagnostic *diag, void *data)
{
    return baseline_contains(data, diag);
}

static bool outside_diff(const struct diagnostic *diag, void *data)
{
    return diag->range.begin.file &&
           !diff_line_changed(data, diag->range.begin.file, diag->range.begin.line);
}

static void print_count(unsigned count, const char *word, bool *first)
{
    if (!count)
        return;
    fprintf(stderr, "%s%u %s%s", *first ? "" : ", ", count, word, count == 1 ? "" : "s");
    *first = false;
}

static void print_summary(const struct diag_sink *sink, unsigned tu_count, double seconds)
{
    bool first = true;
    print_count(diag_sink_severity_count(sink, SEVERITY_ERROR), "error", &first);
    print_count(diag_sink_severity_count(sink, SEVERITY_WARNING), "warning", &first);
    print_count(diag_sink_severity_count(sink, SEVERITY_NOTE), "note", &first);
    if (first)
        fprintf(stderr, "no findings");
    else
        fprintf(stderr, " in %u file%s", diag_sink_file_count(sink),
                diag_sink_file_count(sink) == 1 ? "" : "s");
    fprintf(stderr, " (%u translation unit%s, %.2f s)\n", tu_count, tu_count == 1 ? "" : "s",
            seconds);
}

static int exit_status(const struct diag_sink *sink, int fail_on, bool input_error)
{
    if (input_error)
        return EXIT_INPUT_ERROR;
    if (fail_on == FAIL_ON_NEVER)
        return EXIT_CLEAN;
    for (unsigned i = 0; i < diag_sink_count(sink); i++)
        if ((int)diag_sink_at(sink, i)->severity >= fail_on)
            return EXIT_FINDINGS;
    return EXIT_CLEAN;
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

static bool use_colour(const struct options *options, FILE *out)
{
    const char *term = getenv("TERM");
    return options->format == EMIT_TEXT && out == stdout && isatty(STDOUT_FILENO) &&
           !getenv("NO_COLOR") && !(term && strcmp(term, "dumb") == 0);
}

/* Part of every cache key: what changes the findings besides the TU itself. */
static void cache_key_options(struct result_cache *cache, const struct options *options)
{
    char *text;
    /* The TU sink stores findings already filtered by --header-filter: part of the key. */
    if (asprintf(&text, "checks=%s;strict=%d;header-filter=%s",
                 options->checks ? options->checks : "", options->strict,
                 options->header_filter ? options->header_filter : "") < 0)
        abort();
    result_cache_set_options(cache, text);
    free(text);
}

static void apply_filters(struct diag_sink *sink, const struct run_extras *extras)
{
    diag_sink_finish(sink);
    if (extras->baseline)
        diag_sink_remove_if(sink, in_baseline, extras->baseline);
    if (extras->diff)
        diag_sink_remove_if(sink, outside_diff, extras->diff);
}

int analysis_run(const struct options *options, struct diag_filter *filter,
                 const struct pipeline_options *pipeline)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct run_extras extras = {0};
    struct diag_sink *sink = diag_sink_new(filter);
    struct tu_command_list commands = {0};
    bool input_error = false;
    if (!extras_load(options, &extras) || !inputs_collect(options, &commands, sink, &input_error)) {
        extras_free(&extras);
        diag_sink_free(sink);
        command_list_free(&commands);
        return EXIT_INPUT_ERROR;
    }
    keep_shard(&commands, &extras);
    add_system_directories(filter, &commands);
    if (extras.cache)
        cache_key_options(extras.cache, options);
    struct job_settings settings = {pipeline, extras.cache, jobs_default(options->jobs),
                                    isatty(STDERR_FILENO) && commands.count > 1};
    if (jobs_run(&commands, &settings, sink))
        input_error = true;
    apply_filters(sink, &extras);
    if (!emit(extras.out, options->format, sink, use_colour(options, extras.out)) ||
        fflush(extras.out) != 0) {
        fprintf(stderr, "fearless: error: cannot write the findings\n");
        input_error = true;
    }
    if (options->format == EMIT_TEXT && !options->quiet)
        print_summary(sink, commands.count, seconds_since(&start));
    int status = exit_status(sink, options->fail_on, input_error);
    command_list_free(&commands);
    extras_free(&extras);
    diag_sink_free(sink);
    return status;
}
