#define _GNU_SOURCE /* asprintf */
/* Building diagnostics (diag.h). The sink takes ownership in diag_report (diag/sink.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "support/memory.h"

static char *vformat(const char *format, va_list args)
{
    char *text = NULL;
    if (vasprintf(&text, format, args) < 0)
        checked_alloc(NULL);
    return text;
}

/* "use-after-move" -> "fearless-use-after-move"; ids that carry a prefix stay as they are. */
static char *check_id(const char *check)
{
    if (strchr(check, '-') && (strncmp(check, "fearless-", 9) == 0 ||
                                strncmp(check, "clang-", 6) == 0))
        return checked_alloc(strdup(check));
    char *id = NULL;
    if (asprintf(&id, "fearless-%s", check) < 0)
        checked_alloc(NULL);
    return id;
}

struct diagnostic *diag_new(const char *check, enum severity severity, struct source_range range,
                            const char *format, ...)
{
    struct diagnostic *diag = checked_alloc(calloc(1, sizeof *diag));
    diag->check = check_id(check);
    diag->severity = severity;
    diag->range = range;
    va_list args;
    va_start(args, format);
    diag->message = vformat(format, args);
    va_end(args);
    return diag;
}

void diag_add_note(struct diagnostic *diag, struct source_range range, const char *format, ...)
{
    diag->notes = checked_alloc(realloc(diag->notes, (diag->note_count + 1) * sizeof *diag->notes));
    struct diag_note *note = &diag->notes[diag->note_count++];
    note->range = range;
    va_list args;
    va_start(args, format);
    note->message = vformat(format, args);
    va_end(args);
}

struct diagnostic *diag_copy(const struct diagnostic *diag)
{
    struct diagnostic *copy = checked_alloc(calloc(1, sizeof *copy));
    copy->check = checked_alloc(strdup(diag->check));
    copy->severity = diag->severity;
    copy->range = diag->range;
    copy->message = checked_alloc(strdup(diag->message));
    copy->note_count = diag->note_count;
    if (diag->note_count) {
        copy->notes = checked_alloc(calloc(diag->note_count, sizeof *copy->notes));
        for (unsigned i = 0; i < diag->note_count; i++) {
            copy->notes[i].range = diag->notes[i].range;
            copy->notes[i].message = checked_alloc(strdup(diag->notes[i].message));
        }
    }
    return copy;
}

void diag_free(struct diagnostic *diag)
{
    if (!diag)
        return;
    for (unsigned i = 0; i < diag->note_count; i++)
        free(diag->notes[i].message);
    free(diag->notes);
    free(diag->message);
    free((char *)diag->check);
    free(diag);
}

const char *severity_name(enum severity severity)
{
    switch (severity) {
    case SEVERITY_ERROR: return "error";
    case SEVERITY_WARNING: return "warning";
    case SEVERITY_NOTE: return "note";
    }
    return "unknown";
}
