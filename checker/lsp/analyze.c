#include "lsp/analyze.h"

#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "diag/sink.h"
#include "lsp/flags.h"
#include "pipeline.h"
#include "support/files.h"

/* LSP DiagnosticSeverity. */
static int lsp_severity(enum severity severity)
{
    switch (severity) {
    case SEVERITY_ERROR: return 1;
    case SEVERITY_WARNING: return 2;
    case SEVERITY_NOTE: return 3;
    }
    return 3;
}

static json_t *position(unsigned line, unsigned character)
{
    return json_pack("{s:i, s:i}", "line", line, "character", character);
}

/* LSP Range (end exclusive) of a diagnostic range (end inclusive). Text is used to count
 * characters when the range is in the buffer's file; NULL counts bytes. */
static json_t *lsp_range(const struct source_range *range, const char *text, size_t length,
                         enum position_encoding encoding)
{
    unsigned line = range->begin.line ? range->begin.line - 1 : 0;
    unsigned column = range->begin.column ? range->begin.column - 1 : 0;
    unsigned end_line = line, end_column = column + 1; /* a point: one character */
    if (range->end.file && range->end.line) {
        end_line = range->end.line - 1;
        end_column = range->end.column; /* inclusive 1-based == exclusive 0-based */
    }
    if (end_line < line || (end_line == line && end_column <= column))
        end_line = line, end_column = column + 1;
    return json_pack("{s:o, s:o}", "start",
                     position(line, column_to_character(text, length, line, column, encoding)),
                     "end",
                     position(end_line,
                              column_to_character(text, length, end_line, end_column, encoding)));
}

static json_t *related_information(const struct diagnostic *diag, const char *path,
                                   const char *text, size_t length,
                                   enum position_encoding encoding)
{
    json_t *related = json_array();
    for (unsigned i = 0; i < diag->note_count; i++) {
        const struct diag_note *note = &diag->notes[i];
        const char *file = note->range.begin.file ? note->range.begin.file : path;
        bool in_buffer = same_file(file, path);
        char *uri = path_to_uri(in_buffer ? path : file);
        json_t *location = json_pack("{s:s, s:o}", "uri", uri ? uri : "", "range",
                                     lsp_range(&note->range, in_buffer ? text : NULL,
                                               in_buffer ? length : 0, encoding));
        free(uri);
        json_array_append_new(related, json_pack("{s:o, s:s}", "location", location,
                                                 "message", note->message ? note->message : ""));
    }
    return related;
}

json_t *diagnostic_to_lsp(const struct diagnostic *diag, const char *path, const char *text,
                          size_t length, enum position_encoding encoding)
{
    json_t *result = json_pack("{s:o, s:i, s:s, s:s, s:s}", "range",
                               lsp_range(&diag->range, text, length, encoding), "severity",
                               lsp_severity(diag->severity), "code", diag->check, "source",
                               "fearless", "message", diag->message ? diag->message : "");
    if (result && diag->note_count > 0)
        json_object_set_new(result, "relatedInformation",
                            related_information(diag, path, text, length, encoding));
    return result;
}

json_t *analyze_document(const struct document *document, bool skip_compiler_errors,
                         enum position_encoding encoding)
{
    json_t *diagnostics = json_array();
    if (!document->path)
        return diagnostics; /* not a local file: nothing libclang can parse */
    struct tu_command flags;
    flags_for_file(document->path, &flags);
    struct tu_input input = {
        .file = document->path,
        .directory = flags.directory,
        .argument_count = flags.argument_count,
        .arguments = (const char *const *)flags.arguments,
        .unsaved_contents = document->text,
        .unsaved_length = document->length,
    };
    struct pipeline_options options = {0};
    struct diag_sink *run = diag_sink_new(NULL);
    diag_sink_set_source(run, document->path, document->text, document->length);
    struct diag_sink *tu = diag_sink_new_tu(run, document->path);
    pipeline_analyze(&input, &options, tu);
    diag_sink_finish(tu);
    for (unsigned i = 0; i < diag_sink_count(tu); i++) {
        const struct diagnostic *diag = diag_sink_at(tu, i);
        if (!same_file(diag->range.begin.file, document->path))
            continue;
        if (skip_compiler_errors && strncmp(diag->check, "clang-diagnostic-", 17) == 0)
            continue;
        json_t *converted = diagnostic_to_lsp(diag, document->path, document->text,
                                              document->length, encoding);
        if (converted)
            json_array_append_new(diagnostics, converted);
    }
    diag_sink_free(tu);
    diag_sink_free(run);
    flags_release(&flags);
    return diagnostics;
}
