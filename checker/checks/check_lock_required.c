/* lock-required: calling a function whose contract REQUIRES a lock (or waits on a
 * condition variable with it) without holding it. */
#include "analysis/lock_report.h"

static void report(struct check_context *context, const struct lock_event *event)
{
    const char *lock = lockset_name(context, event->lock);
    const char *callee = lock_callee_name(event);
    struct diagnostic *diag;
    if (event->held_shared)
        diag = diag_new("lock-required", SEVERITY_ERROR, event->range,
                        "calling '%s' requires holding '%s' exclusively, but it is held shared",
                        callee, lock);
    else
        diag = diag_new("lock-required", SEVERITY_ERROR, event->range,
                        "calling '%s' requires holding '%s'%s%s", callee, lock,
                        event->need_exclusive ? " exclusively" : "",
                        event->maybe ? ", which may not be held here" : "");
    if (event->held_shared || event->maybe)
        lock_note_acquired(context, diag, event);
    else
        lock_note_released(context, diag, event);
    if (event->callee && lock_in_main_file(context, event->callee->decl) &&
        event->callee->origin == ORIGIN_INFERRED)
        diag_add_note(diag, event->callee->decl, "'%s' expects its caller to hold '%s'", callee,
                      lock);
    else if (event->callee && lock_in_main_file(context, event->callee->decl))
        diag_add_note(diag, event->callee->decl, "'%s' declared here", callee);
    else
        diag_add_note(diag, event->range, "'%s' expects its caller to hold '%s'", callee, lock);
    diag_add_note(diag, event->range, "help: lock '%s' before the call", lock);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    lock_report_each(context, function, LOCK_EVENT_REQUIRED, report);
}

const struct check check_lock_required = {
    .name = "lock-required",
    .severity = SEVERITY_ERROR,
    .summary = "call to a function that requires a lock the caller does not hold",
    .explanation =
        "A function marked REQUIRES(m) (or REQUIRES_SHARED(m)) expects its caller to hold\n"
        "`m`; pthread_cond_wait, cnd_wait and fl_condvar_wait need their mutex held too.\n"
        "Calling it without the lock lets it touch guarded data unprotected.\n"
        "\n"
        "Wrong:\n"
        "    void bump_locked(struct acct *a) REQUIRES(a->mu) { a->balance++; }\n"
        "    void bump(struct acct *a) { bump_locked(a); }\n"
        "\n"
        "Right:\n"
        "    void bump(struct acct *a)\n"
        "    {\n"
        "        pthread_mutex_lock(&a->mu);\n"
        "        bump_locked(a);\n"
        "        pthread_mutex_unlock(&a->mu);\n"
        "    }\n",
    .summarize = lockset_summarize,
    .check_function = check_function,
};
