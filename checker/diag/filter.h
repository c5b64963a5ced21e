/* What a run reports: which checks (--checks, clang-tidy's glob list), which headers
 * (--header-filter; never system headers). Read-only once the run starts. */
#ifndef FEARLESS_DIAG_FILTER_H
#define FEARLESS_DIAG_FILTER_H

#include <stdbool.h>

struct diag_filter;

/* checks: clang-tidy syntax ("-*,fearless-lock-*"), applied after the default
 * "fearless-*"; NULL for the default. header_filter: POSIX extended regex searched in the
 * file name; NULL reports nothing in headers (clang-tidy's default). NULL + *error (heap)
 * on a bad regex. */
struct diag_filter *diag_filter_new(const char *checks, const char *header_filter, char **error);
void diag_filter_free(struct diag_filter *filter);
/* Files under `directory` are system headers: never reported. Before the run only. */
void diag_filter_add_system_directory(struct diag_filter *filter, const char *directory);

/* `id` is a full id ("fearless-use-after-move") or a check name ("use-after-move").
 * clang-diagnostic-* is always enabled (compile errors are never hidden). */
bool diag_filter_check_enabled(const struct diag_filter *filter, const char *id);
bool diag_filter_is_system_file(const struct diag_filter *filter, const char *file);
/* Whether a finding in `file` belongs in the report of a TU whose main file is main_file
 * (NULL: every non-system file does). */
bool diag_filter_file_wanted(const struct diag_filter *filter, const char *file,
                             const char *main_file);

/* clang-tidy's glob: '*' matches any run of characters, everything else itself. */
bool check_glob_match(const char *pattern, size_t pattern_length, const char *text);

#endif
