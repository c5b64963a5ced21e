/* guard-after-unlock: a pointer returned by a RETURNS_GUARD function (the data of a typed
 * mutex) dereferenced after its lock was released. */
#include "analysis/lock_report.h"

static void report(struct check_context *context, const struct lock_event *event)
{
    const char *lock = lockset_name(context, event->lock);
    const char *pointer = lockset_name(context, event->access);
    struct diagnostic *diag = diag_new("guard-after-unlock", SEVERITY_ERROR, event->range,
                                       "use of '%s' after '%s' was released", pointer, lock);
    diag_add_note(diag, event->other, "'%s' points into data guarded by '%s'", pointer, lock);
    lock_note_released(context, diag, event);
    diag_add_note(diag, event->range,
                  "help: use '%s' only while '%s' is held, or lock again and use the new pointer",
                  pointer, lock);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    lock_report_each(context, function, LOCK_EVENT_GUARD_AFTER_UNLOCK, report);
}

const struct check check_guard_after_unlock = {
    .name = "guard-after-unlock",
    .severity = SEVERITY_ERROR,
    .summary = "a guard pointer used after its lock was released",
    .explanation =
        "A function marked RETURNS_GUARD(m), like fl_mutex_of_lock, returns a pointer to\n"
        "data that is valid only while `m` is held: Rust's MutexGuard. Once the lock is\n"
        "released another thread may change the data under the pointer.\n"
        "\n"
        "Wrong:\n"
        "    int *n = fl_mutex_of_lock(&counter);\n"
        "    fl_mutex_of_unlock(&counter);\n"
        "    *n += 1;\n"
        "\n"
        "Right:\n"
        "    int *n = fl_mutex_of_lock(&counter);\n"
        "    *n += 1;\n"
        "    fl_mutex_of_unlock(&counter);\n",
    .summarize = lockset_summarize,
    .check_function = check_function,
};
