/* The CLI: options -> translation units -> parallel analysis -> filters -> emitter. */
#ifndef FEARLESS_DRIVER_H
#define FEARLESS_DRIVER_H

#include <stdbool.h>

#include "driver/command.h"
#include "driver/options.h"
#include "pipeline.h"

struct diag_sink;
struct result_cache;

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_INPUT_ERROR = 2 };

int driver_main(int argc, char **argv);

/* The translation units the options name. False (message printed) when none can be
 * determined at all (no input, unreadable database); a single bad file only marks
 * *input_error and reports it into sink. */
bool inputs_collect(const struct options *options, struct tu_command_list *out,
                    struct diag_sink *sink, bool *input_error);

/* Runs every TU through the pipeline on `jobs` threads into the run sink. Returns how
 * many TUs could not be analyzed. */
struct job_settings {
    const struct pipeline_options *pipeline;
    struct result_cache *cache;  /* NULL: no cache */
    unsigned jobs;
    bool progress;               /* "[3/27] file.c" on stderr */
};
unsigned jobs_run(const struct tu_command_list *commands, const struct job_settings *settings,
                  struct diag_sink *run);
/* The tu_input view of a command (borrows its strings). */
struct tu_input command_input(const struct tu_command *command);

#endif
