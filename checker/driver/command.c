#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver/command.h"
#include "support/memory.h"

static bool has_suffix(const char *text, const char *suffix)
{
    size_t length = strlen(text), suffix_length = strlen(suffix);
    return length >= suffix_length && strcmp(text + length - suffix_length, suffix) == 0;
}

static bool looks_like_source(const char *argument)
{
    static const char *const extensions[] = {".c", ".i", ".cc", ".cpp", ".cxx", ".C", ".m", ".S"};
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
        if (has_suffix(argument, extensions[i]))
            return true;
    return false;
}

bool command_looks_like_compiler(const char *argument)
{
    return argument[0] != '-' && !looks_like_source(argument);
}

static bool is_launcher(const char *argument)
{
    const char *base = strrchr(argument, '/');
    base = base ? base + 1 : argument;
    return strcmp(base, "ccache") == 0 || strcmp(base, "sccache") == 0 ||
           strcmp(base, "distcc") == 0;
}

/* Flags whose value is the next argument (kept with it, or dropped with it). */
static bool takes_separate_value(const char *flag)
{
    static const char *const flags[] = {
        "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-D", "-U", "-x",
        "-target", "-arch", "-Xclang", "-isysroot", "--sysroot", "-MF", "-MT", "-MQ", "-MJ",
        "-o", "-Xpreprocessor", "-iprefix", "-iwithprefix", "-aux-info"};
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
        if (strcmp(flag, flags[i]) == 0)
            return true;
    return false;
}

/* Flags dropped on their own: they name outputs or stop compilation early. */
static bool dropped_flag(const char *flag)
{
    static const char *const exact[] = {"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP",
                                        "-MG", "-MV", "-Werror", "-pipe"};
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
        if (strcmp(flag, exact[i]) == 0)
            return true;
    static const char *const prefixes[] = {"-MF", "-MT", "-MQ", "-MJ", "-o", "-Werror=",
                                           "--driver-mode="};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
        if (strncmp(flag, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    return false;
}

static void add_argument(struct tu_command *command, const char *argument)
{
    command->arguments = checked_alloc(realloc(command->arguments,
                                         (size_t)(command->argument_count + 1) * sizeof(char *)));
    command->arguments[command->argument_count++] = checked_alloc(strdup(argument));
}

void command_clean(struct tu_command *command, const char *const *arguments, int count,
                   bool has_compiler)
{
    int i = 0;
    if (has_compiler && count > 0 && command_looks_like_compiler(arguments[0])) {
        i = is_launcher(arguments[0]) && count > 1 ? 2 : 1;
    }
    for (; i < count; i++) {
        const char *argument = arguments[i];
        if (takes_separate_value(argument)) {
            bool drop = dropped_flag(argument);
            if (!drop)
                add_argument(command, argument);
            if (i + 1 < count && !drop)
                add_argument(command, arguments[i + 1]);
            i++;
            continue;
        }
        if (dropped_flag(argument))
            continue;
        if (argument[0] != '-' && looks_like_source(argument))
            continue; /* the source file itself (or another one: one TU at a time) */
        add_argument(command, argument);
    }
}

void command_list_add(struct tu_command_list *list, struct tu_command command)
{
    list->items = checked_alloc(realloc(list->items, (list->count + 1) * sizeof *list->items));
    list->items[list->count++] = command;
}

void command_list_free(struct tu_command_list *list)
{
    for (unsigned i = 0; i < list->count; i++) {
        struct tu_command *command = &list->items[i];
        for (int j = 0; j < command->argument_count; j++)
            free(command->arguments[j]);
        free(command->arguments);
        free(command->file);
        free(command->directory);
    }
    free(list->items);
    list->items = NULL;
    list->count = 0;
}
