/* lock-leaked: a lock still held when the function returns on some path, one warning per
 * acquisition naming every return that leaves it held. Functions that return with the
 * lock held on every path (or exactly when returning a given value) are lock wrappers:
 * their inferred contract moves the duty to release into the caller. */
#include <stdlib.h>

#include "analysis/lock_report.h"

static bool same_site(struct source_range a, struct source_range b)
{
    return a.begin.file == b.begin.file && a.begin.line == b.begin.line &&
           a.begin.column == b.begin.column;
}

static bool same_group(const struct lock_event *a, const struct lock_event *b)
{
    return path_equal(a->lock, b->lock) && a->has_acquired == b->has_acquired &&
           (!a->has_acquired || same_site(a->acquired, b->acquired));
}

static int by_position(const void *a, const void *b)
{
    const struct lock_event *x = *(const struct lock_event *const *)a;
    const struct lock_event *y = *(const struct lock_event *const *)b;
    if (x->range.begin.line != y->range.begin.line)
        return x->range.begin.line < y->range.begin.line ? -1 : 1;
    return (x->range.begin.column > y->range.begin.column) -
           (x->range.begin.column < y->range.begin.column);
}

static void report_group(struct check_context *context, const struct ir_function *function,
                         const struct lock_event *events, unsigned count, bool *done,
                         unsigned first)
{
    const struct lock_event *event = &events[first];
    const char *lock = lockset_name(context, event->lock);
    const char *name = function->name ? function->name : "?";
    struct source_range where = event->has_acquired ? event->acquired : event->range;
    struct diagnostic *diag = diag_new("lock-leaked", SEVERITY_WARNING, where,
                                       "'%s' is still held when '%s' returns%s", lock, name,
                                       event->maybe ? " on some paths" : "");
    const struct lock_event **group = calloc(count, sizeof *group);
    unsigned members = 0;
    for (unsigned i = first; group && i < count; i++) {
        if (done[i] || events[i].kind != LOCK_EVENT_LEAKED || !same_group(event, &events[i]) ||
            (events[i].maybe && !context->strict))
            continue;
        done[i] = true;
        group[members++] = &events[i];
    }
    qsort(group, members, sizeof *group, by_position);   /* returns in source order */
    for (unsigned i = 0; i < members; i++)
        diag_add_note(diag, group[i]->range, "'%s' returns here with '%s' held", name, lock);
    free(group);
    diag_add_note(diag, where,
                  "help: release '%s' on every path before returning, or declare '%s' with "
                  "ACQUIRE(...) if its caller releases it", lock, name);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    const struct lockset_result *result = lockset_of(context, function);
    if (result->skipped || result->event_count == 0)
        return;
    bool *done = calloc(result->event_count, sizeof *done);
    if (!done)
        return;
    for (unsigned i = 0; i < result->event_count; i++) {
        const struct lock_event *event = &result->events[i];
        if (!done[i] && event->kind == LOCK_EVENT_LEAKED && (!event->maybe || context->strict))
            report_group(context, function, result->events, result->event_count, done, i);
    }
    free(done);
}

const struct check check_lock_leaked = {
    .name = "lock-leaked",
    .severity = SEVERITY_WARNING,
    .summary = "a lock still held when the function returns on some path",
    .explanation =
        "A lock taken in a function should be released on every path out of it; a\n"
        "forgotten unlock on an error path leaves every other thread waiting forever.\n"
        "Rust releases a MutexGuard when it goes out of scope; in C each return must.\n"
        "Functions that return with the lock held on every path are treated as lock\n"
        "wrappers (their callers must release), so only paths that disagree are reported.\n"
        "\n"
        "Wrong:\n"
        "    int withdraw(struct acct *a, long n)\n"
        "    {\n"
        "        pthread_mutex_lock(&a->mu);\n"
        "        if (a->balance < n)\n"
        "            return -1;          /* still locked */\n"
        "        a->balance -= n;\n"
        "        pthread_mutex_unlock(&a->mu);\n"
        "        return 0;\n"
        "    }\n"
        "\n"
        "Right:\n"
        "        if (a->balance < n) {\n"
        "            pthread_mutex_unlock(&a->mu);\n"
        "            return -1;\n"
        "        }\n",
    .summarize = lockset_summarize,
    .check_function = check_function,
};
