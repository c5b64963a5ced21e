/* Compiler flags for a file the editor opened, found the way the CLI finds them
 * (driver/command.h: compile_commands.json in ., build/, the file's parents and their
 * build/; a file the database lacks borrows the nearest entry's flags). */
#ifndef FEARLESS_LSP_FLAGS_H
#define FEARLESS_LSP_FLAGS_H

#include "driver/command.h"

/* Always succeeds: without a database, the command has no flags (clang's defaults). */
void flags_for_file(const char *path, struct tu_command *command);
void flags_release(struct tu_command *command);

#endif
