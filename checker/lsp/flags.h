/* Compiler flags for a file the editor opened: from the nearest compile_commands.json
 * (the file's folder and its parents, each also with build/), like the CLI finds it. */
#ifndef FEARLESS_LSP_FLAGS_H
#define FEARLESS_LSP_FLAGS_H

#include <stdbool.h>

struct file_flags {
    char *directory;   /* the compile command's working directory, or NULL */
    char **arguments;  /* compiler flags only (no compiler, -c, -o, or the file) */
    int argument_count;
    char *database;    /* the compile_commands.json used, or NULL for the defaults */
};

/* Always succeeds: a file no database knows gets the default flags (none). */
void flags_for_file(const char *path, struct file_flags *flags);
void flags_release(struct file_flags *flags);

/* Splits a shell-quoted command line (as in a database's "command"); NULL on bad quoting.
 * Exposed for tests. */
char **flags_split_command(const char *command, int *count);

#endif
