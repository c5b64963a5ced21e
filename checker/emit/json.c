/* --format=json: {"version":1,"diagnostics":[{check, severity, file, line, column,
 * end_line, end_column, message, notes:[{file, line, column, message}]}]} */
#include "emit/json_text.h"

#include "diag/sink.h"
#include "emit/emit.h"


static json_t *note_json(const struct diag_note *note)
{
    return json_pack("{s:o, s:I, s:I, s:o}", "file", json_text(note->range.begin.file),
                     "line", (json_int_t)note->range.begin.line, "column",
                     (json_int_t)note->range.begin.column, "message",
                     json_text(note->message));
}

/* An end without a file is the begin point itself. */
static struct source_location range_end(const struct source_range *range)
{
    return range->end.file ? range->end : range->begin;
}

static json_t *diagnostic_json(const struct diagnostic *diag)
{
    json_t *notes = json_array();
    for (unsigned i = 0; i < diag->note_count; i++)
        json_array_append_new(notes, note_json(&diag->notes[i]));
    struct source_location end = range_end(&diag->range);
    return json_pack("{s:s, s:s, s:o, s:I, s:I, s:I, s:I, s:o, s:o}", "check", diag->check,
                     "severity", severity_name(diag->severity), "file",
                     json_text(diag->range.begin.file), "line",
                     (json_int_t)diag->range.begin.line, "column",
                     (json_int_t)diag->range.begin.column, "end_line", (json_int_t)end.line,
                     "end_column", (json_int_t)end.column, "message",
                     json_text(diag->message), "notes", notes);
}

bool emit_json(FILE *out, const struct diag_sink *sink)
{
    json_t *diagnostics = json_array();
    for (unsigned i = 0; i < diag_sink_count(sink); i++)
        json_array_append_new(diagnostics, diagnostic_json(diag_sink_at(sink, i)));
    json_t *root = json_pack("{s:i, s:o}", "version", 1, "diagnostics", diagnostics);
    int status = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    fputc('\n', out);
    return status == 0 && !ferror(out);
}
