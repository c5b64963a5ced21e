/* verify/ internals: the parsed expectations of one file. */
#ifndef FEARLESS_VERIFY_PLAN_H
#define FEARLESS_VERIFY_PLAN_H

#include <stdbool.h>

#include "diag/diag.h"
#include "verify/verify.h"

struct expectation {
    enum severity severity;
    char *file;              /* NULL: the verified file; else a name from @file:line */
    unsigned line;           /* 0: any line (@file:*) */
    unsigned directive_line;
    unsigned min, max;       /* how many diagnostics it must match */
    char *text;
    unsigned seen;
};

struct verify_plan {
    char *file;
    unsigned expectation_count;
    struct expectation *expectations;
    bool no_diagnostics;
    unsigned no_diagnostics_line;
    unsigned problem_count;
    char **problems;         /* malformed directives, as printable lines */
};

/* Records a malformed directive: format has one %s, filled with detail. */
void plan_problem(struct verify_plan *plan, unsigned line, const char *format, const char *detail);

#endif
