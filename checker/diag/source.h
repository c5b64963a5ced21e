/* The text of source files, by line, for NOLINT comments and the snippets of the text
 * emitter. Files are read once; an editor buffer can stand in for a file. Thread-safe. */
#ifndef FEARLESS_DIAG_SOURCE_H
#define FEARLESS_DIAG_SOURCE_H

#include <stddef.h>

struct source_files;

struct source_line {
    const char *text; /* not NUL-terminated */
    size_t length;    /* without the line break */
};

struct source_files *source_files_new(void);
void source_files_free(struct source_files *files);
/* Uses a copy of `text` instead of the disk for `file` (an unsaved editor buffer). Call
 * before any line of `file` is read. */
void source_files_set(struct source_files *files, const char *file, const char *text,
                      size_t length);
/* Every line of `file` (0 lines when it cannot be read). Valid until source_files_free. */
const struct source_line *source_files_lines(struct source_files *files, const char *file,
                                             unsigned *count);
/* One line (1-based) or NULL when out of range or unreadable. */
const struct source_line *source_files_line(struct source_files *files, const char *file,
                                            unsigned line);

#endif
