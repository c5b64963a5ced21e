/* --diff[=REF]: report only on lines changed since REF (default HEAD), from `git diff -U0`.
 * Run inside the repository (or with GIT_DIR/GIT_WORK_TREE set: the pre-commit hook
 * points GIT_WORK_TREE at a tree of the staged files). */
#ifndef FEARLESS_DRIVER_DIFF_H
#define FEARLESS_DRIVER_DIFF_H

#include <stdbool.h>

struct changed_lines;

/* ref NULL: HEAD (the empty tree in a repository without commits). NULL + a malloc'd
 * message when git fails (not a repository, unknown ref). */
struct changed_lines *diff_load(const char *ref, char **error);
/* `file`: any path naming the file (relative to the current directory or absolute). */
bool diff_line_changed(const struct changed_lines *lines, const char *file, unsigned line);
void diff_free(struct changed_lines *lines);

/* Parses `git diff -U0` output; paths in it are relative to `top`. Exposed for tests. */
struct changed_lines *diff_parse(const char *top, const char *diff_text);

#endif
