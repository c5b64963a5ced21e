/* not-send: a value of a NOT_SEND type handed to another thread (Rust E0277, Send). */
#include <stdio.h>

#include "analysis/threads.h"
#include "checks/check.h"

static const char explanation[] =
    "A value whose type is not SEND was handed to another thread (like Rust's E0277:\n"
    "`Rc<T>` cannot be sent between threads safely).\n"
    "\n"
    "Types are SEND by default. NOT_SEND marks types that must stay on one thread, for\n"
    "example a reference count that is not atomic (fl_rc): two threads updating it lose\n"
    "counts. A struct, union or typedef holding a NOT_SEND member (at any depth, through\n"
    "pointers) is not SEND either, like Rust's auto traits. Spawning a thread with such a\n"
    "value (moved or lent) or sending it on a channel is an error. UNSAFE_SEND asserts a\n"
    "type is SEND without checking.\n"
    "\n"
    "Wrong:\n"
    "    fl_rc *counter = fl_rc_new(sizeof(int), NULL);\n"
    "    fl_spawn(&h, worker, fl_rc_clone(counter));   /* fl_rc is NOT_SEND */\n"
    "\n"
    "Right:\n"
    "    fl_arc *counter = fl_arc_new(sizeof(int), NULL);\n"
    "    fl_spawn(&h, worker, fl_arc_clone(counter));  /* fl_arc is SEND and SYNC */\n";

static void report(struct check_context *context, const struct thread_finding *finding)
{
    const char *type = finding->type ? finding->type : "?";
    struct diagnostic *diag = diag_new("not-send", SEVERITY_ERROR, finding->range,
                                       "'%s' cannot be sent between threads safely", type);
    if (finding->culprit)
        diag_add_note(diag, finding->range, "the member '%s' of '%s' is not SEND",
                      finding->culprit, type);
    else
        diag_add_note(diag, finding->range, "'%s' is marked NOT_SEND", type);
    if (finding->spawner)
        diag_add_note(diag, finding->spawn, "required because '%s' hands it to another thread",
                      finding->spawner);
    diag_add_note(diag, finding->range,
                  "help: use a SEND type (fl_arc instead of fl_rc), or create the value on "
                  "the thread that uses it");
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    const struct threads_result *result = threads_of(context, function);
    for (unsigned i = 0; i < result->count; i++)
        if (result->findings[i].kind == THREAD_NOT_SEND)
            report(context, &result->findings[i]);
}

const struct check check_not_send = {
    .name = "not-send",
    .severity = SEVERITY_ERROR,
    .summary = "value of a NOT_SEND type handed to another thread",
    .explanation = explanation,
    .check_function = check_function,
};
