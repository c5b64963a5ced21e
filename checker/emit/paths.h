/* How emitters name files: relative to the working directory when the file is under it. */
#ifndef FEARLESS_EMIT_PATHS_H
#define FEARLESS_EMIT_PATHS_H

#include <stdbool.h>
#include <stddef.h>

/* The working directory with a trailing '/', computed once. */
const char *emit_working_directory(void);
/* `file` relative to the working directory ("src/a.c"), into out; false when it is not
 * under it (out then holds the absolute path). */
bool emit_relative_path(const char *file, char *out, size_t size);

#endif
