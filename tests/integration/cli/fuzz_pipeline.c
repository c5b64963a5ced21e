/* libFuzzer target: arbitrary bytes as the contents of a C file (an unsaved buffer, as the
 * language server passes them) through the whole pipeline and every emitter. Crashes,
 * hangs and sanitizer reports are failures. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag/sink.h"
#include "emit/emit.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The repository's headers, so seeds from corpus/ parse as they do in their tests. */
    static const char *const arguments[] = {"-std=gnu11", "-Wall", "-I" FUZZ_SOURCE_DIR "/annotations",
                                            "-I" FUZZ_SOURCE_DIR "/include"};
    struct tu_input input = {
        .file = "/fearless-fuzz/input.c",
        .argument_count = 4,
        .arguments = arguments,
        .unsaved_contents = (const char *)data,
        .unsaved_length = size,
    };
    struct pipeline_options options = {.strict = size % 2 == 0};
    struct diag_sink *run = diag_sink_new(NULL);
    diag_sink_set_source(run, input.file, input.unsaved_contents, size);
    struct diag_sink *sink = diag_sink_new_tu(run, input.file);
    pipeline_analyze(&input, &options, sink);
    diag_sink_merge(run, sink);
    diag_sink_free(sink);
    diag_sink_finish(run);
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        emit_text(null, run, true);
        emit_json(null, run);
        emit_sarif(null, run);
        fclose(null);
    }
    diag_sink_free(run);
    return 0;
}
