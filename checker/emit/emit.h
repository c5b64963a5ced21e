/* Emitters: write a finished sink (diag_sink_finish) in one format. */
#ifndef FEARLESS_EMIT_H
#define FEARLESS_EMIT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag/diag.h"

struct diag_sink;
struct source_files;

enum emit_format { EMIT_TEXT, EMIT_JSON, EMIT_SARIF };

/* "text", "json", "sarif"; false for anything else. */
bool emit_parse_format(const char *name, enum emit_format *format);

/* clang's shape: "path:line:col: error: message [check]", the source line, the caret
 * line; then each note alike. `colour`: clang's terminal colours. */
void emit_text(FILE *out, const struct diag_sink *sink, bool colour);
/* One diagnostic with its notes, same shape (the verifier and tests use it). */
void emit_text_one(FILE *out, const struct diagnostic *diag, struct source_files *sources,
                   bool colour);
/* {"version":1,"diagnostics":[...]} (DESIGN.md). False on a write error. */
bool emit_json(FILE *out, const struct diag_sink *sink);
/* SARIF 2.1.0, one run, a rule per registered check. False on a write error. */
bool emit_sarif(FILE *out, const struct diag_sink *sink);
bool emit(FILE *out, enum emit_format format, const struct diag_sink *sink, bool colour);

#endif
