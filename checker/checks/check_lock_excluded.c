/* lock-excluded: calling a function that must not be called holding a lock (EXCLUDES, or
 * inferred because it takes the lock itself) while holding it: a self-deadlock. */
#include "analysis/lock_report.h"

static void report(struct check_context *context, const struct lock_event *event)
{
    const char *lock = lockset_name(context, event->lock);
    const char *callee = lock_callee_name(event);
    struct diagnostic *diag = diag_new("lock-excluded", SEVERITY_ERROR, event->range,
                                       "calling '%s' while holding '%s'%s", callee, lock,
                                       event->maybe ? " on some paths" : "");
    lock_note_acquired(context, diag, event);
    if (event->callee && lock_in_main_file(context, event->callee->decl))
        diag_add_note(diag, event->callee->decl,
                      event->inferred ? "'%s' acquires '%s' itself: the call deadlocks"
                                      : "'%s' is declared EXCLUDES(%s)",
                      callee, lock);
    diag_add_note(diag, event->range, "help: release '%s' before calling '%s'", lock, callee);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    lock_report_each(context, function, LOCK_EVENT_EXCLUDED, report);
}

const struct check check_lock_excluded = {
    .name = "lock-excluded",
    .severity = SEVERITY_ERROR,
    .summary = "call to a function that takes a lock the caller already holds",
    .explanation =
        "A function marked EXCLUDES(m), or one defined in the same file that locks `m`\n"
        "itself, must not be called while `m` is held: on a non-recursive lock the thread\n"
        "waits for itself forever.\n"
        "\n"
        "Wrong:\n"
        "    static void log_stats(struct store *s)\n"
        "    { pthread_mutex_lock(&s->mu); print(s); pthread_mutex_unlock(&s->mu); }\n"
        "    void put(struct store *s)\n"
        "    { pthread_mutex_lock(&s->mu); s->n++; log_stats(s); pthread_mutex_unlock(&s->mu); }\n"
        "\n"
        "Right:\n"
        "    void put(struct store *s)\n"
        "    { pthread_mutex_lock(&s->mu); s->n++; pthread_mutex_unlock(&s->mu); log_stats(s); }\n",
    .summarize = lockset_summarize,
    .check_function = check_function,
};
