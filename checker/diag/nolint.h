/* clang-tidy's suppression comments, read from the source text:
 *   NOLINT, NOLINT(check,glob-*)              on the diagnostic's line
 *   NOLINTNEXTLINE, NOLINTNEXTLINE(...)       on the line before
 *   NOLINTBEGIN(...) ... NOLINTEND(...)       around it (an END closes the latest BEGIN
 *                                             with the same list) */
#ifndef FEARLESS_DIAG_NOLINT_H
#define FEARLESS_DIAG_NOLINT_H

#include <stdbool.h>

#include "diag/source.h"

/* Whether a finding of check `id` on 1-based `line` of a file is suppressed. */
bool nolint_suppresses(const struct source_line *lines, unsigned line_count, unsigned line,
                       const char *id);

#endif
