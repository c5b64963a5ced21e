/* thread-not-joined: a join handle dropped without join or detach, or main returning while
 * a thread it spawned may still run (the seeds' first example: its output is cut off). */
#include <stdio.h>

#include "analysis/threads.h"
#include "checks/check.h"

static const char explanation[] =
    "A thread may still be running when nobody can wait for it any more.\n"
    "\n"
    "When main returns, the process exits and every thread stops wherever it is: the\n"
    "spawned thread's work is cut off (in Rust's first thread example the spawned thread\n"
    "prints 5 of its 9 lines). A join handle that goes out of scope without a join or a\n"
    "detach leaks the thread's resources and loses its result. Join the thread (on every\n"
    "path, error paths included), or detach it on purpose.\n"
    "\n"
    "Wrong:\n"
    "    int main(void) {\n"
    "        pthread_t t;\n"
    "        pthread_create(&t, NULL, count_to_nine, NULL);\n"
    "        count_to_four();\n"
    "        return 0;               /* count_to_nine is cut off */\n"
    "    }\n"
    "\n"
    "Right:\n"
    "    int main(void) {\n"
    "        pthread_t t;\n"
    "        pthread_create(&t, NULL, count_to_nine, NULL);\n"
    "        count_to_four();\n"
    "        pthread_join(t, NULL);\n"
    "        return 0;\n"
    "    }\n";

static void report(struct check_context *context, const struct thread_finding *finding)
{
    struct diagnostic *diag;
    const char *fn = finding->thread_fn;
    if (finding->kind == THREAD_MAIN_RETURNS) {
        diag = diag_new("thread-not-joined", SEVERITY_WARNING, finding->range,
                        "'main' may return while this thread is still running");
        if (finding->has_detach)
            diag_add_note(diag, finding->detach, "the thread is detached here");
        else if (finding->has_skip)
            diag_add_note(diag, finding->skip, "the join is skipped on a path from here");
        diag_add_note(diag, finding->end,
                      "'main' returns here: the process exits and stops the thread%s%s%s",
                      fn ? " running '" : "", fn ? fn : "", fn ? "'" : "");
        diag_add_note(diag, finding->range,
                      "help: join the thread before 'main' returns");
    } else {
        const char *handle = finding->handle ? finding->handle : "?";
        if (finding->handle_array)
            diag = diag_new("thread-not-joined", SEVERITY_WARNING, finding->range,
                            "thread handles in '%s' are dropped without a join or detach",
                            handle);
        else
            diag = diag_new("thread-not-joined", SEVERITY_WARNING, finding->range,
                            "thread handle '%s' is dropped without a join or detach", handle);
        if (finding->has_skip)
            diag_add_note(diag, finding->skip, "the join is skipped on a path from here");
        diag_add_note(diag, finding->end, "'%s' goes out of scope here", handle);
        diag_add_note(diag, finding->range,
                      "help: join '%s' on every path before it goes out of scope, or detach "
                      "%s", handle, finding->handle_array ? "the threads" : "the thread");
    }
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    const struct threads_result *result = threads_of(context, function);
    for (unsigned i = 0; i < result->count; i++)
        if (result->findings[i].kind == THREAD_NOT_JOINED ||
            result->findings[i].kind == THREAD_MAIN_RETURNS)
            report(context, &result->findings[i]);
}

const struct check check_thread_not_joined = {
    .name = "thread-not-joined",
    .severity = SEVERITY_WARNING,
    .summary = "join handle dropped, or main returning, while a thread may still run",
    .explanation = explanation,
    .summarize = threads_summarize,
    .check_function = check_function,
};
