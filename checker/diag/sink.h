/* The diagnostic sink: where checks and the frontend report (diag_report), and what the
 * driver, the emitters and the language server read.
 *
 * A run sink holds the findings of a whole run. A TU sink (diag_sink_new_tu) collects one
 * translation unit's findings, filtered for that TU: --checks, --header-filter relative to
 * its main file, system headers (never), NOLINT comments; diag_sink_merge then moves them
 * into the run sink, where diag_sink_finish sorts them by file, line, column and drops
 * duplicates (a finding in a header seen by several TUs is reported once).
 *
 * Typical uses:
 *   CLI:  run = diag_sink_new(filter); per TU, in any thread: tu = diag_sink_new_tu(run,
 *         file); pipeline_analyze(..., tu); diag_sink_merge(run, tu); diag_sink_free(tu);
 *         then diag_sink_finish(run) and an emitter.
 *   LSP:  run = diag_sink_new(filter); diag_sink_set_source(run, file, buffer, length);
 *         tu = diag_sink_new_tu(run, file); pipeline_analyze(..., tu); diag_sink_finish(tu);
 *         read diag_sink_count/diag_sink_at of tu; free both.
 * Reporting is thread-safe; the readers below are not (call them once reporting is done). */
#ifndef FEARLESS_DIAG_SINK_H
#define FEARLESS_DIAG_SINK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"
#include "diag/filter.h"
#include "diag/source.h"

/* A run sink. `filter` (may be NULL: every check, no header) must outlive the sink. */
struct diag_sink *diag_sink_new(const struct diag_filter *filter);
/* A sink for the TU whose main file is `main_file`; shares the run's filter, source text
 * and interned file names, so `run` must outlive it. */
struct diag_sink *diag_sink_new_tu(struct diag_sink *run, const char *main_file);
void diag_sink_free(struct diag_sink *sink);

/* An unsaved editor buffer for `file`: NOLINT comments and snippets are read from it.
 * Call before reporting anything in `file`. */
void diag_sink_set_source(struct diag_sink *sink, const char *file, const char *text,
                          size_t length);
struct source_files *diag_sink_sources(const struct diag_sink *sink);
/* The interned copy of `file` (the pointer diagnostics in this sink use). */
const char *diag_sink_intern(struct diag_sink *sink, const char *file);

/* Moves every diagnostic of `tu` into `run` (thread-safe); `tu` is left empty. */
void diag_sink_merge(struct diag_sink *run, struct diag_sink *tu);
/* Sorts by file, line, column and removes duplicates. Idempotent. */
void diag_sink_finish(struct diag_sink *sink);

unsigned diag_sink_count(const struct diag_sink *sink);
const struct diagnostic *diag_sink_at(const struct diag_sink *sink, unsigned index);
unsigned diag_sink_severity_count(const struct diag_sink *sink, enum severity severity);
/* Distinct files with at least one diagnostic (after diag_sink_finish). */
unsigned diag_sink_file_count(const struct diag_sink *sink);
/* How many reports NOLINT comments hid. */
unsigned diag_sink_suppressed_count(const struct diag_sink *sink);
/* Drops every diagnostic for which `drop` returns true (--baseline, --diff). */
void diag_sink_remove_if(struct diag_sink *sink,
                         bool (*drop)(const struct diagnostic *diag, void *data), void *data);

#endif
