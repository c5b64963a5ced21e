/* unlock-not-held: releasing a lock that is not held (released twice, or never taken). */
#include "analysis/lock_report.h"

static void report(struct check_context *context, const struct lock_event *event)
{
    const char *lock = lockset_name(context, event->lock);
    bool again = event->has_released && !event->maybe;
    struct diagnostic *diag = diag_new("unlock-not-held", SEVERITY_ERROR, event->range,
                                       "releasing '%s' that is not held%s", lock,
                                       event->some_paths ? " on some paths"
                                       : event->maybe ? " on every path" : "");
    if (event->has_released)
        diag_add_note(diag, event->released, "'%s' already released here", lock);
    else if (event->some_paths || event->maybe)
        diag_add_note(diag, event->range, "some paths reach this release without holding '%s'",
                      lock);
    else
        diag_add_note(diag, event->range, "no path to this release holds '%s'", lock);
    diag_add_note(diag, event->range, "help: %s",
                  again ? "release a lock once for each time it was acquired"
                            : "acquire the lock before releasing it, or remove this release");
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    lock_report_each(context, function, LOCK_EVENT_NOT_HELD, report);
}

const struct check check_unlock_not_held = {
    .name = "unlock-not-held",
    .severity = SEVERITY_ERROR,
    .summary = "release of a lock that is not held",
    .explanation =
        "Unlocking a mutex the thread does not hold is undefined behaviour for\n"
        "pthread_mutex_t and corrupts the lock for every other thread. It usually means\n"
        "an unlock on an error path that a later unlock repeats.\n"
        "\n"
        "Wrong:\n"
        "    pthread_mutex_lock(&m);\n"
        "    if (err)\n"
        "        pthread_mutex_unlock(&m);\n"
        "    pthread_mutex_unlock(&m);\n"
        "\n"
        "Right:\n"
        "    pthread_mutex_lock(&m);\n"
        "    if (err) {\n"
        "        pthread_mutex_unlock(&m);\n"
        "        return -1;\n"
        "    }\n"
        "    pthread_mutex_unlock(&m);\n",
    .summarize = lockset_summarize,
    .check_function = check_function,
};
