/* not-sync: an object of a NOT_SYNC type shared by pointer with a running thread while the
 * spawner or another thread uses it too (Rust E0277, Sync). */
#include <stdio.h>

#include "analysis/threads.h"
#include "checks/check.h"

static const char explanation[] =
    "An object whose type is not SYNC is shared between threads (like Rust's E0277:\n"
    "`Receiver<T>` cannot be shared between threads safely).\n"
    "\n"
    "SYNC types may be used through pointers from several threads at once; types are\n"
    "SYNC by default unless marked NOT_SYNC (or holding a NOT_SYNC member). A NOT_SYNC\n"
    "object (a channel receiver, fl_receiver) may be moved to one thread, but not lent to\n"
    "two running threads, nor used by the spawner while a thread it was lent to runs.\n"
    "\n"
    "Wrong:\n"
    "    fl_scope_spawn(&scope, consume, rx);\n"
    "    fl_scope_spawn(&scope, consume, rx);   /* two threads receive on one rx */\n"
    "\n"
    "Right:\n"
    "    fl_spawn(&h, consume_and_drop, rx);    /* one thread owns rx */\n";

static void report(struct check_context *context, const struct thread_finding *finding)
{
    const char *type = finding->type ? finding->type : "?";
    struct diagnostic *diag = diag_new("not-sync", SEVERITY_ERROR, finding->range,
                                       "'%s' cannot be shared between threads safely", type);
    if (finding->culprit)
        diag_add_note(diag, finding->range, "the member '%s' of '%s' is not SYNC",
                      finding->culprit, type);
    if (finding->has_other)
        diag_add_note(diag, finding->other, "already shared with the thread spawned here");
    else
        diag_add_note(diag, finding->arg, "'%s' is lent to the thread spawned here, which is "
                      "still running", finding->object ? finding->object : "?");
    diag_add_note(diag, finding->range,
                  "help: move it to a single thread instead of sharing it, or join the "
                  "thread first");
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    const struct threads_result *result = threads_of(context, function);
    for (unsigned i = 0; i < result->count; i++)
        if (result->findings[i].kind == THREAD_NOT_SYNC)
            report(context, &result->findings[i]);
}

const struct check check_not_sync = {
    .name = "not-sync",
    .severity = SEVERITY_ERROR,
    .summary = "object of a NOT_SYNC type shared with a running thread",
    .explanation = explanation,
    .check_function = check_function,
};
