#include "lsp/flags.h"

#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void free_arguments(char **arguments, int count)
{
    for (int i = 0; i < count; i++)
        free(arguments[i]);
    free(arguments);
}

static bool push_argument(char ***arguments, int *count, const char *text, size_t length)
{
    char **grown = realloc(*arguments, (size_t)(*count + 2) * sizeof *grown);
    if (!grown)
        return false;
    *arguments = grown;
    if (!(grown[*count] = strndup(text, length)))
        return false;
    grown[++*count] = NULL;
    return true;
}

char **flags_split_command(const char *command, int *count)
{
    char **arguments = calloc(1, sizeof *arguments);
    size_t capacity = strlen(command) + 1, length = 0;
    char *word = malloc(capacity);
    *count = 0;
    bool in_word = false, ok = arguments && word;
    char quote = 0;
    for (const char *p = command; ok && *p; p++) {
        if (quote == '\'' && *p != '\'') {
            word[length++] = *p;
        } else if (*p == '\\' && quote != '\'' && p[1]) {
            word[length++] = *++p;
            in_word = true;
        } else if ((*p == '"' || *p == '\'') && (!quote || quote == *p)) {
            quote = quote ? 0 : *p;
            in_word = true;
        } else if (!quote && (*p == ' ' || *p == '\t' || *p == '\n')) {
            if (in_word)
                ok = push_argument(&arguments, count, word, length);
            in_word = false;
            length = 0;
        } else {
            word[length++] = *p;
            in_word = true;
        }
    }
    if (ok && in_word)
        ok = push_argument(&arguments, count, word, length);
    free(word);
    if (!ok || quote) {
        free_arguments(arguments, *count);
        return NULL;
    }
    return arguments;
}

/* Absolute, resolved path of `file` as seen from `directory`. */
static char *resolve(const char *directory, const char *file)
{
    char joined[PATH_MAX];
    if (file[0] == '/' || !directory)
        snprintf(joined, sizeof joined, "%s", file);
    else
        snprintf(joined, sizeof joined, "%s/%s", directory, file);
    char *resolved = realpath(joined, NULL);
    return resolved ? resolved : strdup(joined);
}

/* Keeps the flags: drops the compiler, -c, -o X, and the source file itself. */
static void keep_flags(struct file_flags *flags, char **command, int count, const char *path)
{
    for (int i = 1; i < count; i++) {
        if (strcmp(command[i], "-c") == 0)
            continue;
        if (strcmp(command[i], "-o") == 0) {
            i++;
            continue;
        }
        if (strncmp(command[i], "-o", 2) == 0 || strcmp(command[i], "--") == 0)
            continue;
        char *resolved = command[i][0] == '-' ? NULL : resolve(flags->directory, command[i]);
        bool is_source = resolved && strcmp(resolved, path) == 0;
        free(resolved);
        if (!is_source)
            push_argument(&flags->arguments, &flags->argument_count, command[i],
                          strlen(command[i]));
    }
}

static char **entry_command(json_t *entry, int *count)
{
    json_t *arguments = json_object_get(entry, "arguments");
    if (json_is_array(arguments)) {
        char **command = calloc(json_array_size(arguments) + 1, sizeof *command);
        size_t i;
        json_t *argument;
        *count = 0;
        json_array_foreach(arguments, i, argument) {
            if (command && json_is_string(argument))
                command[(*count)++] = strdup(json_string_value(argument));
        }
        return command;
    }
    const char *text = json_string_value(json_object_get(entry, "command"));
    return text ? flags_split_command(text, count) : NULL;
}

/* The entry of `database` for `path`; false when it has none. */
static bool lookup(const char *database, const char *path, struct file_flags *flags)
{
    json_t *entries = json_load_file(database, 0, NULL);
    size_t i;
    json_t *entry;
    bool found = false;
    json_array_foreach(entries, i, entry) {
        const char *directory = json_string_value(json_object_get(entry, "directory"));
        const char *file = json_string_value(json_object_get(entry, "file"));
        if (!file)
            continue;
        char *resolved = resolve(directory, file);
        found = resolved && strcmp(resolved, path) == 0;
        free(resolved);
        int count = 0;
        char **command = found ? entry_command(entry, &count) : NULL;
        if (command) {
            flags->directory = directory ? strdup(directory) : NULL;
            keep_flags(flags, command, count, path);
            flags->database = strdup(database);
            free_arguments(command, count);
            break;
        }
        found = false;
    }
    json_decref(entries);
    return found;
}

void flags_for_file(const char *path, struct file_flags *flags)
{
    memset(flags, 0, sizeof *flags);
    char *resolved = realpath(path, NULL);
    char folder[PATH_MAX];
    snprintf(folder, sizeof folder, "%s", resolved ? resolved : path);
    /* Walk up from the file's folder: folder/compile_commands.json, then folder/build/. */
    for (char *slash = strrchr(folder, '/'); slash; slash = strrchr(folder, '/')) {
        *slash = '\0';
        static const char *const PLACES[] = {"%s/compile_commands.json",
                                             "%s/build/compile_commands.json"};
        for (unsigned p = 0; p < 2; p++) {
            char database[PATH_MAX + 32];
            snprintf(database, sizeof database, PLACES[p], folder);
            if (access(database, R_OK) == 0 && lookup(database, resolved ? resolved : path, flags))
                goto done;
        }
    }
done:
    free(resolved);
}

void flags_release(struct file_flags *flags)
{
    free(flags->directory);
    free_arguments(flags->arguments, flags->argument_count);
    free(flags->database);
    memset(flags, 0, sizeof *flags);
}
