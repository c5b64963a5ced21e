/* Reading clang -verify directives from the comments of a file. */
#define _GNU_SOURCE /* asprintf, strndup */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verify/plan.h"
#include "support/memory.h"

void plan_problem(struct verify_plan *plan, unsigned line, const char *format, const char *detail)
{
    char *text = NULL, *message = NULL;
    if (asprintf(&message, format, detail) < 0)
        checked_alloc(NULL);
    if (asprintf(&text, "%s:%u: error: %s", plan->file, line, message) < 0)
        checked_alloc(NULL);
    free(message);
    plan->problems = checked_alloc(realloc(plan->problems, (plan->problem_count + 1) * sizeof(char *)));
    plan->problems[plan->problem_count++] = text;
}

static void add_expectation(struct verify_plan *plan, const struct expectation *expectation)
{
    plan->expectations = checked_alloc(realloc(plan->expectations,
                                         (plan->expectation_count + 1) * sizeof *plan->expectations));
    plan->expectations[plan->expectation_count++] = *expectation;
}

/* Reads digits at *at into *value; false when there are none. */
static bool read_number(const char **at, const char *end, unsigned *value)
{
    if (*at >= end || **at < '0' || **at > '9')
        return false;
    unsigned long number = 0;
    while (*at < end && **at >= '0' && **at <= '9' && number < UINT_MAX / 10)
        number = number * 10 + (unsigned)(*(*at)++ - '0');
    *value = (unsigned)number;
    return true;
}

/* "+N" / "-N" after a base line. */
static bool read_offset(const char **at, const char *end, unsigned base, unsigned *line)
{
    if (*at >= end || (**at != '+' && **at != '-')) {
        *line = base;
        return true;
    }
    char sign = *(*at)++;
    unsigned offset;
    if (!read_number(at, end, &offset) || (sign == '-' && offset >= base))
        return false;
    *line = sign == '+' ? base + offset : base - offset;
    return true;
}

/* After '@': +N, -N, N, LINE[+-N], file:N, file:*. */
static bool read_location(const char **at, const char *end, unsigned directive_line,
                          struct expectation *expectation)
{
    if (*at < end && (**at == '+' || **at == '-'))
        return read_offset(at, end, directive_line, &expectation->line);
    if (*at < end && **at == '*') { /* @*: any file, any line */
        (*at)++;
        expectation->file = checked_alloc(strdup("*"));
        expectation->line = 0;
        return true;
    }
    if (end - *at >= 4 && memcmp(*at, "LINE", 4) == 0) {
        *at += 4;
        return read_offset(at, end, directive_line, &expectation->line);
    }
    const char *colon = *at;
    while (colon < end && *colon != ':' && *colon != ' ' && *colon != '{')
        colon++;
    if (colon < end && *colon == ':' && colon > *at) {
        expectation->file = checked_alloc(strndup(*at, (size_t)(colon - *at)));
        *at = colon + 1;
        if (*at < end && **at == '*') {
            (*at)++;
            expectation->line = 0; /* any line */
            return true;
        }
    }
    return read_number(at, end, &expectation->line) && expectation->line > 0;
}

/* " 2", " 2+", " 0+" before the text. */
static void read_count(const char **at, const char *end, struct expectation *expectation)
{
    expectation->min = expectation->max = 1;
    const char *start = *at;
    while (start < end && *start == ' ')
        start++;
    unsigned count;
    if (!read_number(&start, end, &count))
        return;
    expectation->min = expectation->max = count;
    if (start < end && *start == '+') {
        expectation->max = UINT_MAX;
        start++;
    }
    *at = start;
}

static const struct {
    const char *word;
    enum severity severity;
} kinds[] = {{"error", SEVERITY_ERROR}, {"warning", SEVERITY_WARNING}, {"note", SEVERITY_NOTE}};

/* One directive starting after "expected-"; returns where scanning resumes. */
static const char *parse_directive(struct verify_plan *plan, unsigned line, const char *at,
                                   const char *end)
{
    if (end - at >= 14 && memcmp(at, "no-diagnostics", 14) == 0) {
        plan->no_diagnostics = true;
        plan->no_diagnostics_line = line;
        return at + 14;
    }
    struct expectation expectation = {.directive_line = line, .line = line};
    size_t kind = 0;
    while (kind < 3 && strncmp(at, kinds[kind].word, strlen(kinds[kind].word)) != 0)
        kind++;
    if (kind == 3)
        return at;
    expectation.severity = kinds[kind].severity;
    at += strlen(kinds[kind].word);
    if (at < end && *at == '@' && (at++, !read_location(&at, end, line, &expectation))) {
        plan_problem(plan, line, "invalid line in 'expected-%s' directive", kinds[kind].word);
        free(expectation.file);
        return at;
    }
    read_count(&at, end, &expectation);
    while (at < end && *at == ' ')
        at++;
    if (end - at < 2 || memcmp(at, "{{", 2) != 0) {
        plan_problem(plan, line, "cannot find start ('{{') of expected %s", "string");
        free(expectation.file);
        return at;
    }
    const char *close = memmem(at + 2, (size_t)(end - at - 2), "}}", 2);
    if (!close) {
        plan_problem(plan, line, "cannot find end ('}}') of expected %s", "string");
        free(expectation.file);
        return end;
    }
    expectation.text = checked_alloc(strndup(at + 2, (size_t)(close - at - 2)));
    add_expectation(plan, &expectation);
    return close + 2;
}

/* Directives inside the comment text comment[0..length). */
static void parse_comment(struct verify_plan *plan, unsigned line, const char *comment,
                          const char *end)
{
    const char *at = comment;
    while ((at = memmem(at, (size_t)(end - at), "expected-", 9)))
        at = parse_directive(plan, line, at + 9, end);
}

/* Splits a line into its comment parts, tracking block comments across lines. String
 * literals are skipped so "// in a string" is not a comment. */
static void parse_line(struct verify_plan *plan, unsigned number, const struct source_line *line,
                       bool *in_block)
{
    const char *at = line->text, *end = line->text + line->length;
    while (at < end) {
        if (*in_block) {
            const char *close = memmem(at, (size_t)(end - at), "*/", 2);
            parse_comment(plan, number, at, close ? close : end);
            if (!close)
                return;
            *in_block = false;
            at = close + 2;
        } else if (*at == '"' || *at == '\'') {
            char quote = *at++;
            while (at < end && *at != quote)
                at += *at == '\\' ? 2 : 1;
            at++;
        } else if (end - at >= 2 && at[0] == '/' && at[1] == '/') {
            parse_comment(plan, number, at + 2, end);
            return;
        } else if (end - at >= 2 && at[0] == '/' && at[1] == '*') {
            *in_block = true;
            at += 2;
        } else {
            at++;
        }
    }
}

struct verify_plan *verify_parse(const char *file, const struct source_line *lines,
                                 unsigned line_count)
{
    struct verify_plan *plan = checked_alloc(calloc(1, sizeof *plan));
    plan->file = checked_alloc(strdup(file));
    bool in_block = false;
    for (unsigned i = 0; i < line_count; i++)
        parse_line(plan, i + 1, &lines[i], &in_block);
    if (plan->no_diagnostics && plan->expectation_count)
        plan_problem(plan, plan->no_diagnostics_line,
                     "%s directive cannot be used with other expected directives",
                     "'expected-no-diagnostics'");
    if (!plan->no_diagnostics && !plan->expectation_count && !plan->problem_count)
        plan_problem(plan, 1, "no expected directives found: consider use of %s",
                     "'expected-no-diagnostics'");
    return plan;
}

void verify_free(struct verify_plan *plan)
{
    if (!plan)
        return;
    for (unsigned i = 0; i < plan->expectation_count; i++) {
        free(plan->expectations[i].text);
        free(plan->expectations[i].file);
    }
    free(plan->expectations);
    for (unsigned i = 0; i < plan->problem_count; i++)
        free(plan->problems[i]);
    free(plan->problems);
    free(plan->file);
    free(plan);
}
