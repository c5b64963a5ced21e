/* Shared helpers of the lock checks (see lock_report.h). */
#include "analysis/lock_report.h"

#include <string.h>

void lock_report_each(struct check_context *context, const struct ir_function *function,
                      enum lock_event_kind kind,
                      void (*report)(struct check_context *context, const struct lock_event *event))
{
    const struct lockset_result *result = lockset_of(context, function);
    if (result->skipped)
        return;
    for (unsigned i = 0; i < result->event_count; i++) {
        const struct lock_event *event = &result->events[i];
        if (event->kind == kind && (!event->maybe || context->strict))
            report(context, event);
    }
}

void lock_note_acquired(struct check_context *context, struct diagnostic *diag,
                        const struct lock_event *event)
{
    if (event->has_acquired)
        diag_add_note(diag, event->acquired, "'%s' acquired here",
                      lockset_name(context, event->lock));
}

void lock_note_released(struct check_context *context, struct diagnostic *diag,
                        const struct lock_event *event)
{
    if (event->has_released)
        diag_add_note(diag, event->released, "'%s' released here",
                      lockset_name(context, event->lock));
}

const char *lock_callee_name(const struct lock_event *event)
{
    return event->callee && event->callee->name ? event->callee->name : "?";
}

bool lock_in_main_file(const struct check_context *context, struct source_range range)
{
    const char *file = range.begin.file, *main_file = context->tu->main_file;
    return file && main_file && (file == main_file || strcmp(file, main_file) == 0);
}
