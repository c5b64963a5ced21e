/* compile_commands.json through libclang's CXCompilationDatabase API. */
#define _GNU_SOURCE /* asprintf */
#include <clang-c/CXCompilationDatabase.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver/command.h"
#include "support/memory.h"

struct compile_database {
    CXCompilationDatabase database;
    struct tu_command_list all; /* every entry, cleaned, for lookups and interpolation */
};

static char *take_string(CXString string)
{
    const char *text = clang_getCString(string);
    char *copy = checked_alloc(strdup(text ? text : ""));
    clang_disposeString(string);
    return copy;
}

/* file, resolved against the command's directory. */
static char *absolute_file(const char *directory, const char *file)
{
    char *joined;
    if (file[0] == '/' || !directory || !*directory)
        joined = checked_alloc(strdup(file));
    else if (asprintf(&joined, "%s/%s", directory, file) < 0)
        checked_alloc(NULL);
    char *real = realpath(joined, NULL);
    if (!real)
        return joined;
    free(joined);
    return real;
}

static struct tu_command command_from(CXCompileCommand compile)
{
    struct tu_command command = {0};
    command.directory = take_string(clang_CompileCommand_getDirectory(compile));
    char *file = take_string(clang_CompileCommand_getFilename(compile));
    command.file = absolute_file(command.directory, file);
    free(file);
    unsigned count = clang_CompileCommand_getNumArgs(compile);
    char **arguments = checked_alloc(calloc(count + 1, sizeof *arguments));
    for (unsigned i = 0; i < count; i++)
        arguments[i] = take_string(clang_CompileCommand_getArg(compile, i));
    command_clean(&command, (const char *const *)arguments, (int)count, true);
    for (unsigned i = 0; i < count; i++)
        free(arguments[i]);
    free(arguments);
    return command;
}

struct compile_database *compile_database_open(const char *directory, char **error)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/compile_commands.json", directory);
    if (access(path, R_OK) != 0) {
        if (asprintf(error, "cannot read '%s'", path) < 0)
            *error = NULL;
        return NULL;
    }
    /* Checked here first: libclang would print its own noise and say less. */
    json_error_t json_error;
    json_t *root = json_load_file(path, 0, &json_error);
    bool is_array = root && json_is_array(root);
    json_decref(root);
    if (!is_array) {
        if (asprintf(error, "cannot load '%s': not a valid compilation database (%s)", path,
                     root ? "expected a JSON array" : json_error.text) < 0)
            *error = NULL;
        return NULL;
    }
    CXCompilationDatabase_Error status;
    CXCompilationDatabase database = clang_CompilationDatabase_fromDirectory(directory, &status);
    if (status != CXCompilationDatabase_NoError || !database) {
        if (asprintf(error, "cannot load '%s': not a valid compilation database", path) < 0)
            *error = NULL;
        if (database)
            clang_CompilationDatabase_dispose(database);
        return NULL;
    }
    struct compile_database *result = checked_alloc(calloc(1, sizeof *result));
    result->database = database;
    CXCompileCommands commands = clang_CompilationDatabase_getAllCompileCommands(database);
    unsigned count = clang_CompileCommands_getSize(commands);
    for (unsigned i = 0; i < count; i++)
        command_list_add(&result->all, command_from(clang_CompileCommands_getCommand(commands, i)));
    clang_CompileCommands_dispose(commands);
    return result;
}

void compile_database_close(struct compile_database *database)
{
    if (!database)
        return;
    command_list_free(&database->all);
    clang_CompilationDatabase_dispose(database->database);
    free(database);
}

static struct tu_command copy_command(const struct tu_command *from, const char *file)
{
    struct tu_command command = {0};
    command.file = checked_alloc(strdup(file));
    command.directory = from->directory ? checked_alloc(strdup(from->directory)) : NULL;
    command.argument_count = from->argument_count;
    command.arguments = checked_alloc(calloc((size_t)from->argument_count + 1, sizeof(char *)));
    for (int i = 0; i < from->argument_count; i++)
        command.arguments[i] = checked_alloc(strdup(from->arguments[i]));
    return command;
}

void compile_database_all(struct compile_database *database, struct tu_command_list *out)
{
    for (unsigned i = 0; i < database->all.count; i++)
        command_list_add(out, copy_command(&database->all.items[i], database->all.items[i].file));
}

static size_t common_prefix(const char *a, const char *b)
{
    size_t length = 0;
    while (a[length] && a[length] == b[length])
        length++;
    return length;
}

bool compile_database_for(struct compile_database *database, const char *file,
                          struct tu_command *out)
{
    if (!database->all.count)
        return false;
    char *absolute = absolute_file(NULL, file);
    unsigned best = 0;
    size_t best_length = 0;
    for (unsigned i = 0; i < database->all.count; i++) {
        size_t length = common_prefix(absolute, database->all.items[i].file);
        if (strcmp(absolute, database->all.items[i].file) == 0)
            length = SIZE_MAX; /* the file's own entry */
        if (length > best_length) {
            best = i;
            best_length = length;
        }
    }
    /* The entry's directory becomes the working directory: a relative `file` (relative to
     * where fearless runs, as with clang-tidy) must not be resolved against it. */
    *out = copy_command(&database->all.items[best], absolute);
    free(absolute);
    return true;
}

static bool has_database(const char *directory)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/compile_commands.json", directory);
    return access(path, F_OK) == 0;
}

char *compile_database_find(const char *near)
{
    if (has_database("."))
        return checked_alloc(strdup("."));
    if (has_database("build"))
        return checked_alloc(strdup("build"));
    char *directory = near ? realpath(near, NULL) : NULL;
    if (!directory)
        directory = realpath(".", NULL);
    char candidate[PATH_MAX];
    while (directory) {
        char *slash = strrchr(directory, '/');
        if (!slash)
            break;
        *slash = '\0'; /* the parent (the file's directory on the first step) */
        const char *parent = *directory ? directory : "/";
        snprintf(candidate, sizeof candidate, "%s/build", strcmp(parent, "/") ? parent : "");
        if (has_database(parent) || has_database(candidate)) {
            char *found = checked_alloc(strdup(has_database(parent) ? parent : candidate));
            free(directory);
            return found;
        }
        if (!*directory)
            break;
    }
    free(directory);
    return NULL;
}
