/* Which translation units to analyze, with which flags. */
#define _GNU_SOURCE /* strndup */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag/sink.h"
#include "driver/driver.h"
#include "support/memory.h"

/* --extra-arg-before / --extra-arg around the command's own flags. */
static void add_extra_arguments(struct tu_command *command, const struct options *options)
{
    int count = (int)options->extra_before_count + command->argument_count +
                (int)options->extra_count;
    char **arguments = checked_alloc(calloc((size_t)count + 1, sizeof(char *)));
    int used = 0;
    for (unsigned i = 0; i < options->extra_before_count; i++)
        if (strncmp(options->extra_before[i], "--driver-mode=", 14) != 0)
            arguments[used++] = checked_alloc(strdup(options->extra_before[i]));
    for (int i = 0; i < command->argument_count; i++)
        arguments[used++] = command->arguments[i];
    for (unsigned i = 0; i < options->extra_count; i++)
        arguments[used++] = checked_alloc(strdup(options->extra[i]));
    free(command->arguments);
    command->arguments = arguments;
    command->argument_count = used;
}

static void report_missing_file(struct diag_sink *sink, const char *file)
{
    struct source_range range = {{NULL, 0, 0}, {NULL, 0, 0}};
    diag_report(sink, diag_new("clang-diagnostic-error", SEVERITY_ERROR, range,
                               "no such file or directory: '%s'", file));
}

/* Files that cannot be read are reported and left out. */
static bool readable(const char *file, struct diag_sink *sink, bool *input_error)
{
    if (access(file, R_OK) == 0)
        return true;
    report_missing_file(sink, file);
    *input_error = true;
    return false;
}

static void from_flags(const struct options *options, struct tu_command_list *out,
                       struct diag_sink *sink, bool *input_error)
{
    bool has_compiler = options->flag_count > 0 && command_looks_like_compiler(options->flags[0]);
    for (unsigned i = 0; i < options->file_count; i++) {
        if (!readable(options->files[i], sink, input_error))
            continue;
        struct tu_command command = {.file = checked_alloc(strdup(options->files[i]))};
        command_clean(&command, options->flags, options->flag_count, has_compiler);
        add_extra_arguments(&command, options);
        command_list_add(out, command);
    }
}

static bool from_database(const struct options *options, const char *directory,
                          struct tu_command_list *out, struct diag_sink *sink, bool *input_error)
{
    char *error = NULL;
    struct compile_database *database = compile_database_open(directory, &error);
    if (!database) {
        fprintf(stderr, "fearless: error: %s\n", error ? error : "cannot load the database");
        free(error);
        return false;
    }
    unsigned first = out->count;
    if (options->file_count == 0)
        compile_database_all(database, out);
    for (unsigned i = 0; i < options->file_count; i++) {
        struct tu_command command;
        if (!readable(options->files[i], sink, input_error))
            continue;
        if (!compile_database_for(database, options->files[i], &command))
            command = (struct tu_command){.file = checked_alloc(strdup(options->files[i]))};
        command_list_add(out, command);
    }
    for (unsigned i = first; i < out->count; i++)
        add_extra_arguments(&out->items[i], options);
    compile_database_close(database);
    if (options->file_count == 0 && out->count == first) {
        fprintf(stderr, "fearless: error: '%s/compile_commands.json' lists no file\n", directory);
        return false;
    }
    return true;
}

/* -p names the directory of compile_commands.json, or (accepted too) the file itself. */
static bool from_build_path(const struct options *options, struct tu_command_list *out,
                            struct diag_sink *sink, bool *input_error)
{
    const char *path = options->build_path;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcmp(base, "compile_commands.json") != 0)
        return from_database(options, path, out, sink, input_error);
    char *directory = checked_alloc(strndup(path, (size_t)(base - path)));
    bool ok = from_database(options, *directory ? directory : ".", out, sink, input_error);
    free(directory);
    return ok;
}

static void without_flags(const struct options *options, struct tu_command_list *out,
                          struct diag_sink *sink, bool *input_error)
{
    for (unsigned i = 0; i < options->file_count; i++) {
        if (!readable(options->files[i], sink, input_error))
            continue;
        struct tu_command command = {.file = checked_alloc(strdup(options->files[i]))};
        add_extra_arguments(&command, options);
        command_list_add(out, command);
    }
}

bool inputs_collect(const struct options *options, struct tu_command_list *out,
                    struct diag_sink *sink, bool *input_error)
{
    if (options->has_flags) {
        if (options->file_count == 0) {
            fputs("fearless: error: no input files (give the files before '--')\n", stderr);
            return false;
        }
        from_flags(options, out, sink, input_error);
        return true;
    }
    if (options->build_path)
        return from_build_path(options, out, sink, input_error);
    if (options->file_count == 0) {
        fputs("fearless: error: no input files (see --help)\n", stderr);
        return false;
    }
    char *directory = compile_database_find(options->files[0]);
    if (!directory) {
        without_flags(options, out, sink, input_error);
        return true;
    }
    bool ok = from_database(options, directory, out, sink, input_error);
    free(directory);
    return ok;
}
