/* borrow-escapes-thread: a local's address handed to a thread that may still run when the
 * local dies (Rust E0373). Findings come from analysis/threads. */
#include <stdio.h>

#include "analysis/threads.h"
#include "checks/check.h"

static const char explanation[] =
    "A thread may outlive a local variable it borrows (like Rust's E0373).\n"
    "\n"
    "The address of a stack object (or a pointer into it: an array, &s.f, a local pointer\n"
    "holding such an address) was handed to a thread that is not joined on every path\n"
    "before the object's scope ends. When the scope ends the storage is reused while the\n"
    "thread still reads or writes it. A detached thread is never joined: lending it a\n"
    "local is always an error. Threads of a scope (fl_scope_spawn) may borrow locals that\n"
    "outlive the scope, because fl_scope_end joins them.\n"
    "\n"
    "Wrong:\n"
    "    pthread_t start(void) {\n"
    "        int v[3] = {1, 2, 3};\n"
    "        pthread_t t;\n"
    "        pthread_create(&t, NULL, print_vector, v);\n"
    "        return t;                  /* v dies here, the thread still reads it */\n"
    "    }\n"
    "\n"
    "Right (join before the scope ends, or give the thread memory it owns):\n"
    "    pthread_t start(void) {\n"
    "        int *v = malloc(3 * sizeof *v);\n"
    "        v[0] = 1, v[1] = 2, v[2] = 3;\n"
    "        pthread_t t;\n"
    "        pthread_create(&t, NULL, print_and_free_vector, v);   /* moved */\n"
    "        return t;\n"
    "    }\n";

static void report(struct check_context *context, const struct thread_finding *finding)
{
    const char *object = finding->object ? finding->object : "?";
    struct diagnostic *diag = diag_new("borrow-escapes-thread", SEVERITY_ERROR, finding->range,
                                       "thread may outlive borrowed value '%s'", object);
    diag_add_note(diag, finding->spawn, "'%s' is lent to the thread spawned here%s%s%s", object,
                  finding->spawner ? " by '" : "", finding->spawner ? finding->spawner : "",
                  finding->spawner ? "'" : "");
    if (finding->has_detach)
        diag_add_note(diag, finding->detach, "the thread is detached here: it is never joined");
    if (finding->has_skip && !finding->detached)
        diag_add_note(diag, finding->skip, "the join is skipped on a path from here");
    diag_add_note(diag, finding->end,
                  "'%s' goes out of scope here while the thread may still be running", object);
    diag_add_note(diag, finding->range,
                  "help: join the thread before '%s' goes out of scope, or give the thread "
                  "heap memory it owns (and frees)", object);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    const struct threads_result *result = threads_of(context, function);
    for (unsigned i = 0; i < result->count; i++)
        if (result->findings[i].kind == THREAD_ESCAPE)
            report(context, &result->findings[i]);
}

const struct check check_borrow_escapes_thread = {
    .name = "borrow-escapes-thread",
    .severity = SEVERITY_ERROR,
    .summary = "address of a local handed to a thread that may outlive it",
    .explanation = explanation,
    .check_function = check_function,
};
