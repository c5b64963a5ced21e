/* Matching findings against expectations, and clang's verifier report of the mismatches:
 *   error: 'expected-error' diagnostics expected but not seen:
 *     File t.c Line 7: use of moved value 'val'
 *   error: 'expected-note' diagnostics seen but not expected:
 *     File t.c Line 4: value moved here */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "diag/sink.h"
#include "verify/plan.h"
#include "support/files.h"

/* A diagnostic or a note, as the verifier sees it. */
struct seen {
    enum severity severity;
    const char *file;
    unsigned line;
    const char *message;
    bool matched;
};

struct seen_list {
    struct seen *items;
    unsigned count;
};

static void add_seen(struct seen_list *list, enum severity severity,
                     const struct source_range *range, const char *message)
{
    list->items[list->count++] = (struct seen){severity, range->begin.file, range->begin.line,
                                               message, false};
}

static struct seen_list collect(const struct diag_sink *sink)
{
    unsigned total = 0;
    for (unsigned i = 0; i < diag_sink_count(sink); i++)
        total += 1 + diag_sink_at(sink, i)->note_count;
    struct seen_list list = {calloc(total ? total : 1, sizeof(struct seen)), 0};
    if (!list.items)
        abort();
    for (unsigned i = 0; i < diag_sink_count(sink); i++) {
        const struct diagnostic *diag = diag_sink_at(sink, i);
        add_seen(&list, diag->severity, &diag->range, diag->message);
        for (unsigned j = 0; j < diag->note_count; j++)
            add_seen(&list, SEVERITY_NOTE, &diag->notes[j].range, diag->notes[j].message);
    }
    return list;
}

/* @name:line names a file by its name or a trailing part of its path. */
static bool names_file(const char *name, const char *file)
{
    if (strcmp(name, "*") == 0)
        return true;
    size_t name_length = strlen(name), file_length = strlen(file);
    if (name_length > file_length)
        return false;
    const char *tail = file + file_length - name_length;
    return strcmp(tail, name) == 0 && (tail == file || tail[-1] == '/');
}

static bool matches(const struct verify_plan *plan, const struct expectation *expectation,
                    const struct seen *seen)
{
    if (seen->matched || seen->severity != expectation->severity)
        return false;
    if (expectation->line && seen->line != expectation->line)
        return false;
    bool file_ok = expectation->file ? seen->file && names_file(expectation->file, seen->file)
                                     : same_file(plan->file, seen->file);
    return file_ok && strstr(seen->message, expectation->text) != NULL;
}

static void match_all(struct verify_plan *plan, struct seen_list *list)
{
    for (unsigned i = 0; i < plan->expectation_count; i++) {
        struct expectation *expectation = &plan->expectations[i];
        expectation->seen = 0;
        for (unsigned j = 0; j < list->count && expectation->seen < expectation->max; j++)
            if (matches(plan, expectation, &list->items[j])) {
                list->items[j].matched = true;
                expectation->seen++;
            }
    }
}

static const char *display_name(const char *file)
{
    return file ? file : "<unknown>";
}

static unsigned report_missing(const struct verify_plan *plan, enum severity severity, FILE *out)
{
    unsigned problems = 0;
    for (unsigned i = 0; i < plan->expectation_count; i++) {
        const struct expectation *e = &plan->expectations[i];
        if (e->severity != severity || e->seen >= e->min)
            continue;
        if (!problems++)
            fprintf(out, "error: 'expected-%s' diagnostics expected but not seen: \n",
                    severity_name(severity));
        fprintf(out, "  File %s Line %u", e->file ? e->file : plan->file, e->line);
        if (e->file || e->line != e->directive_line)
            fprintf(out, " (directive at %s:%u)", plan->file, e->directive_line);
        fprintf(out, ": %s\n", e->text);
    }
    return problems;
}

static unsigned report_unexpected(const struct seen_list *list, enum severity severity, FILE *out)
{
    unsigned problems = 0;
    for (unsigned i = 0; i < list->count; i++) {
        const struct seen *seen = &list->items[i];
        if (seen->matched || seen->severity != severity)
            continue;
        if (!problems++)
            fprintf(out, "error: 'expected-%s' diagnostics seen but not expected: \n",
                    severity_name(severity));
        fprintf(out, "  File %s Line %u: %s\n", display_name(seen->file), seen->line,
                seen->message);
    }
    return problems;
}

unsigned verify_check(struct verify_plan *plan, const struct diag_sink *sink, FILE *out)
{
    unsigned problems = 0;
    for (unsigned i = 0; i < plan->problem_count; i++, problems++)
        fprintf(out, "%s\n", plan->problems[i]);
    struct seen_list list = collect(sink);
    match_all(plan, &list);
    static const enum severity order[] = {SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_NOTE};
    for (unsigned i = 0; i < 3; i++) {
        problems += report_missing(plan, order[i], out) ? 1 : 0;
        problems += report_unexpected(&list, order[i], out) ? 1 : 0;
    }
    free(list.items);
    if (problems)
        fprintf(out, "%u error%s generated.\n", problems, problems == 1 ? "" : "s");
    return problems;
}
