#include "lsp/flags.h"

#include <stdlib.h>
#include <string.h>

#include "lsp/session.h"

void flags_for_file(const char *path, struct tu_command *command)
{
    memset(command, 0, sizeof *command);
    char *directory = compile_database_find(path);
    char *error = NULL;
    struct compile_database *database =
        directory ? compile_database_open(directory, &error) : NULL;
    if (error) {
        session_log("%s", error);
        free(error);
    }
    if (!database || !compile_database_for(database, path, command))
        memset(command, 0, sizeof *command);
    compile_database_close(database);
    free(directory);
}

void flags_release(struct tu_command *command)
{
    free(command->file);
    free(command->directory);
    for (int i = 0; i < command->argument_count; i++)
        free(command->arguments[i]);
    free(command->arguments);
    memset(command, 0, sizeof *command);
}
