/* --verify: clang -verify's inline expectations, checked against fearless's findings.
 *   // expected-error {{use of moved value 'val'}}     on the diagnostic's line
 *   // expected-note@-2 {{value moved here}}           @+N, @-N relative; @N absolute;
 *   // expected-warning@LINE+1 {{...}}                 @LINE[+-N] as FileCheck writes it;
 *   // expected-note@chan.h:12 {{...}}                 @file:line for other files,
 *   // expected-note@* 0+ {{...}}                      @file:* any line, @* anywhere
 *   // expected-error 2 {{...}}                        exactly 2 (N+ : at least N)
 *   // expected-no-diagnostics
 * Text matches as a substring, like clang. A note expectation matches any note (of any
 * diagnostic) on its line. Directives are read from comments only. */
#ifndef FEARLESS_VERIFY_H
#define FEARLESS_VERIFY_H

#include <stdio.h>

#include "diag/source.h"

struct diag_sink;
struct verify_plan;

/* The expectations of `file`, from its lines. Malformed directives are kept as problems
 * reported by verify_check. */
struct verify_plan *verify_parse(const char *file, const struct source_line *lines,
                                 unsigned line_count);
void verify_free(struct verify_plan *plan);
/* Matches every diagnostic and note of the (finished) sink against the plan; prints each
 * mismatch the way clang's verifier does to `out`. Returns the number of problems. */
unsigned verify_check(struct verify_plan *plan, const struct diag_sink *sink, FILE *out);

#endif
