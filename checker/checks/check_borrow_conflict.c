/* borrow-conflict: the spawner writes an object lent to a running thread, reads one the
 * thread writes, or frees it before the join (Rust E0502, E0506, E0505). */
#include <stdio.h>

#include "analysis/threads.h"
#include "checks/check.h"

static const char explanation[] =
    "An object lent to a running thread was used in a conflicting way (like Rust's\n"
    "E0502, E0505 and E0506).\n"
    "\n"
    "Between the spawn that hands a thread the address of an object and the join, the\n"
    "thread may access the object at any moment. The spawner must not write it, must\n"
    "not free (move) it, and must not read it when the thread writes through its\n"
    "argument (decided from the thread function's body when it is in the file; assumed\n"
    "when it is not). After the join the object is the spawner's again. Atomic members,\n"
    "locks and GUARDED_BY members are exempt: their accesses are synchronized.\n"
    "\n"
    "Wrong:\n"
    "    struct job job = {.n = 10};\n"
    "    pthread_create(&t, NULL, run_job, &job);\n"
    "    job.n = 20;                      /* the thread may be reading job.n */\n"
    "    pthread_join(t, NULL);\n"
    "\n"
    "Right:\n"
    "    struct job job = {.n = 10};\n"
    "    pthread_create(&t, NULL, run_job, &job);\n"
    "    pthread_join(t, NULL);\n"
    "    job.n = 20;                      /* the thread is done with it */\n";

static void report(struct check_context *context, const struct thread_finding *finding)
{
    const char *object = finding->object ? finding->object : "?";
    struct diagnostic *diag;
    switch (finding->kind) {
    case THREAD_CONFLICT_WRITE:
        diag = diag_new("borrow-conflict", SEVERITY_ERROR, finding->range,
                        "cannot write '%s' while it is lent to a running thread", object);
        break;
    case THREAD_CONFLICT_READ:
        diag = diag_new("borrow-conflict", SEVERITY_ERROR, finding->range,
                        "cannot read '%s' while a running thread may write it", object);
        break;
    default:
        diag = diag_new("borrow-conflict", SEVERITY_ERROR, finding->range,
                        "cannot move out of '%s' while it is lent to a running thread", object);
        break;
    }
    diag_add_note(diag, finding->arg, "'%s' is lent to the thread spawned here", object);
    if (finding->kind == THREAD_CONFLICT_READ && finding->thread_fn)
        diag_add_note(diag, finding->thread_fn_decl, "'%s' writes through its argument",
                      finding->thread_fn);
    else if (finding->kind == THREAD_CONFLICT_READ)
        diag_add_note(diag, finding->spawn,
                      "the thread function is not in this file: assumed to write its argument");
    diag_add_note(diag, finding->range,
                  "help: join the thread before this access, protect '%s' with a lock "
                  "(GUARDED_BY), or give the thread its own copy", object);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    const struct threads_result *result = threads_of(context, function);
    for (unsigned i = 0; i < result->count; i++) {
        enum thread_finding_kind kind = result->findings[i].kind;
        if (kind == THREAD_CONFLICT_WRITE || kind == THREAD_CONFLICT_READ ||
            kind == THREAD_CONFLICT_MOVE)
            report(context, &result->findings[i]);
    }
}

const struct check check_borrow_conflict = {
    .name = "borrow-conflict",
    .severity = SEVERITY_ERROR,
    .summary = "object written, read or freed while lent to a running thread",
    .explanation = explanation,
    .check_function = check_function,
};
