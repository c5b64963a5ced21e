/* double-lock: acquiring a non-recursive lock the thread already holds. */
#include "analysis/lock_report.h"

static void report(struct check_context *context, const struct lock_event *event)
{
    const char *lock = lockset_name(context, event->lock);
    struct diagnostic *diag = diag_new("double-lock", SEVERITY_ERROR, event->range,
                                       "acquiring '%s' that is already held%s", lock,
                                       event->maybe ? " on some paths" : "");
    if (event->has_acquired)
        diag_add_note(diag, event->acquired, "'%s' first acquired here", lock);
    if (event->inferred)
        diag_add_note(diag, event->range, "'%s' acquires '%s'", lock_callee_name(event), lock);
    diag_add_note(diag, event->range,
                  "help: a thread waiting for a lock it holds deadlocks; release '%s' first or "
                  "remove this acquisition", lock);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    lock_report_each(context, function, LOCK_EVENT_DOUBLE, report);
}

const struct check check_double_lock = {
    .name = "double-lock",
    .severity = SEVERITY_ERROR,
    .summary = "a non-recursive lock acquired again by the thread holding it",
    .explanation =
        "Locking a mutex the current thread already holds deadlocks (or is undefined\n"
        "behaviour) unless the mutex is recursive. The second acquisition may hide in a\n"
        "helper: functions in the same file that lock are summarized and count too.\n"
        "\n"
        "Wrong:\n"
        "    pthread_mutex_lock(&m);\n"
        "    if (retry)\n"
        "        pthread_mutex_lock(&m);\n"
        "\n"
        "Right:\n"
        "    pthread_mutex_lock(&m);\n"
        "    if (retry) {\n"
        "        pthread_mutex_unlock(&m);\n"
        "        pthread_mutex_lock(&m);\n"
        "    }\n",
    .summarize = lockset_summarize,
    .check_function = check_function,
};
