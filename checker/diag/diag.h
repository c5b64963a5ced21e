/* Diagnostics: what a check reports. A check builds one diagnostic with its notes and
 * hands it to the sink; filtering (--checks, NOLINT, header filter), de-duplication,
 * sorting and emitting happen after, in one place. */
#ifndef FEARLESS_DIAG_H
#define FEARLESS_DIAG_H

#include <stdbool.h>
#include <stdarg.h>

enum severity { SEVERITY_NOTE, SEVERITY_WARNING, SEVERITY_ERROR };

/* 1-based line and column (bytes), as clang prints them. file is interned: pointer
 * comparison is enough within one run. */
struct source_location {
    const char *file;
    unsigned line, column;
};

/* begin..end, end pointing at the last character of the range (inclusive), like the
 * carets clang prints. A range whose end.file is NULL is a single point. */
struct source_range {
    struct source_location begin, end;
};

struct diag_note {
    struct source_range range;
    char *message;
};

struct diagnostic {
    const char *check;          /* full id: "fearless-use-after-move", "clang-diagnostic-error"
                                   (heap-allocated, owned by the diagnostic) */
    enum severity severity;
    struct source_range range;  /* primary location */
    char *message;
    unsigned note_count;
    struct diag_note *notes;
};

struct diag_sink;

/* Builders. `check` is a check name ("use-after-move", stored as "fearless-use-after-move")
 * or a full id that has a prefix already ("clang-diagnostic-error"). Messages follow rustc's tone: say what is wrong, notes say where and why,
 * the last note says how to fix it ("help: ..."). */
struct diagnostic *diag_new(const char *check, enum severity severity, struct source_range range,
                            const char *format, ...) __attribute__((format(printf, 4, 5)));
void diag_add_note(struct diagnostic *diag, struct source_range range, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
/* Hands the diagnostic to the sink (thread-safe; the sink owns it from here on). */
void diag_report(struct diag_sink *sink, struct diagnostic *diag);
void diag_free(struct diagnostic *diag);
/* A deep copy (check id, message, notes); location files are shared (interned). */
struct diagnostic *diag_copy(const struct diagnostic *diag);

const char *severity_name(enum severity severity); /* "error", "warning", "note" */

#endif
