#include <stdio.h>
#include <stdlib.h>

#include "diag/sink.h"
#include "driver/driver.h"
#include "driver/run.h"
#include "verify/run.h"
#include "verify/verify.h"

/* One file: its findings (main file and headers) against its expectations. */
static unsigned verify_one(const struct tu_command *command,
                           const struct pipeline_options *pipeline, struct diag_sink *run)
{
    struct diag_sink *sink = diag_sink_new_tu(run, command->file);
    struct tu_input input = command_input(command);
    pipeline_analyze(&input, pipeline, sink);
    diag_sink_finish(sink);
    unsigned line_count;
    const struct source_line *lines =
        source_files_lines(diag_sink_sources(sink), diag_sink_intern(sink, command->file),
                           &line_count);
    struct verify_plan *plan = verify_parse(command->file, lines, line_count);
    unsigned problems = verify_check(plan, sink, stderr);
    verify_free(plan);
    diag_sink_free(sink);
    return problems;
}

int verify_run(const struct options *options, struct diag_filter *filter,
               const struct pipeline_options *pipeline)
{
    struct diag_sink *run = diag_sink_new(filter);
    struct tu_command_list commands = {0};
    bool input_error = false;
    if (!inputs_collect(options, &commands, run, &input_error)) {
        diag_sink_free(run);
        command_list_free(&commands);
        return EXIT_INPUT_ERROR;
    }
    add_system_directories(filter, &commands);
    if (input_error) { /* a missing file: say so, like any other run */
        diag_sink_finish(run);
        emit_text(stderr, run, false);
    }
    unsigned problems = 0;
    for (unsigned i = 0; i < commands.count; i++)
        problems += verify_one(&commands.items[i], pipeline, run);
    command_list_free(&commands);
    diag_sink_free(run);
    return input_error ? EXIT_INPUT_ERROR : problems ? EXIT_FINDINGS : EXIT_CLEAN;
}
