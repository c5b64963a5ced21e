/* Shared by the lock checks: walking a function's lockset findings of one kind and the
 * notes every lock diagnostic carries (where the lock was taken or released). */
#ifndef FEARLESS_ANALYSIS_LOCK_REPORT_H
#define FEARLESS_ANALYSIS_LOCK_REPORT_H

#include "analysis/lockset.h"

/* Calls `report` for each finding of `kind` in `function`; findings that hold on some
 * paths only are passed in --strict mode alone. */
void lock_report_each(struct check_context *context, const struct ir_function *function,
                      enum lock_event_kind kind,
                      void (*report)(struct check_context *context, const struct lock_event *event));
/* "'m' acquired here" / "'m' released here" notes, when the finding knows the sites. */
void lock_note_acquired(struct check_context *context, struct diagnostic *diag,
                        const struct lock_event *event);
void lock_note_released(struct check_context *context, struct diagnostic *diag,
                        const struct lock_event *event);
/* Is `range` in the TU's main file? Declaration notes point there only, never into
 * system or library headers. */
bool lock_in_main_file(const struct check_context *context, struct source_range range);
/* The callee's name for messages. */
const char *lock_callee_name(const struct lock_event *event);

#endif
