/* unguarded-access: reading GUARDED_BY / PT_GUARDED_BY data without its lock, or writing
 * it without holding the lock exclusively. The lock is resolved next to the data: a field
 * GUARDED_BY(mu) of `*a` needs `a->mu`. */
#include "analysis/lock_report.h"

static void report(struct check_context *context, const struct lock_event *event)
{
    const char *data = lockset_name(context, event->access);
    const char *lock = lockset_name(context, event->lock);
    struct diagnostic *diag;
    if (event->held_shared)
        diag = diag_new("unguarded-access", SEVERITY_ERROR, event->range,
                        "writing '%s' requires holding '%s' exclusively, but it is held shared",
                        data, lock);
    else if (event->write)
        diag = diag_new("unguarded-access", SEVERITY_ERROR, event->range,
                        "writing '%s' requires holding '%s' exclusively%s", data, lock,
                        event->maybe ? ", which may not be held here" : "");
    else
        diag = diag_new("unguarded-access", SEVERITY_ERROR, event->range,
                        "reading '%s' requires holding '%s'%s", data, lock,
                        event->maybe ? ", which may not be held here" : "");
    if (event->held_shared || event->maybe)
        lock_note_acquired(context, diag, event);
    else
        lock_note_released(context, diag, event);
    if (event->guard_field && lock_in_main_file(context, event->guard_field->decl))
        diag_add_note(diag, event->guard_field->decl, "'%s' is guarded by '%s'",
                      event->guard_field->name,
                      event->guard_field->guarded_by ? event->guard_field->guarded_by->text
                      : event->guard_field->pt_guarded_by ? event->guard_field->pt_guarded_by->text
                                                          : lock);
    diag_add_note(diag, event->range, "help: %s '%s' around this access",
                  event->held_shared ? "take the write lock of" : "lock", lock);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    lock_report_each(context, function, LOCK_EVENT_UNGUARDED, report);
}

const struct check check_unguarded_access = {
    .name = "unguarded-access",
    .severity = SEVERITY_ERROR,
    .summary = "guarded data read or written without holding its lock",
    .explanation =
        "Data marked GUARDED_BY(m) may be read only while `m` is held (shared or exclusive)\n"
        "and written only while `m` is held exclusively; PT_GUARDED_BY(m) on a pointer\n"
        "guards what it points to. A field's lock is the lock of the same object:\n"
        "`a->balance` needs `a->mu`. This is Rust's Mutex<T>: the data is reachable only\n"
        "through the guard that lock() returns.\n"
        "\n"
        "Wrong:\n"
        "    struct acct { pthread_mutex_t mu; long balance GUARDED_BY(mu); };\n"
        "    void deposit(struct acct *a, long n) { a->balance += n; }\n"
        "\n"
        "Right:\n"
        "    void deposit(struct acct *a, long n)\n"
        "    {\n"
        "        pthread_mutex_lock(&a->mu);\n"
        "        a->balance += n;\n"
        "        pthread_mutex_unlock(&a->mu);\n"
        "    }\n",
    .summarize = lockset_summarize,
    .check_function = check_function,
};
