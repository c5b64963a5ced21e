/* Compile commands: from the command line or compile_commands.json (through libclang),
 * cleaned to the flags libclang needs: no compiler, no -c, no -o, no source file, no -M*
 * dependency flags, no -Werror (warnings must not stop the analysis). */
#ifndef FEARLESS_DRIVER_COMMAND_H
#define FEARLESS_DRIVER_COMMAND_H

#include <stdbool.h>

/* One translation unit to analyze; every string is owned. */
struct tu_command {
    char *file;       /* as given, or absolute from a database */
    char *directory;  /* NULL: the current directory */
    int argument_count;
    char **arguments; /* cleaned flags */
};

struct tu_command_list {
    unsigned count;
    struct tu_command *items;
};

/* Cleans `arguments` of `file`: drops the compiler when `has_compiler`, -c, -o X, the
 * source file(s), -M* dependency flags and -Werror. */
void command_clean(struct tu_command *command, const char *const *arguments, int count,
                   bool has_compiler);
/* Whether `argument` is the name of the compiler rather than a flag (CMake's form). */
bool command_looks_like_compiler(const char *argument);
void command_list_add(struct tu_command_list *list, struct tu_command command);
void command_list_free(struct tu_command_list *list);

/* compile_commands.json in `directory`. NULL + a malloc'd message when unreadable. */
struct compile_database;
struct compile_database *compile_database_open(const char *directory, char **error);
void compile_database_close(struct compile_database *database);
/* Every command of the database, cleaned. */
void compile_database_all(struct compile_database *database, struct tu_command_list *out);
/* The command for `file`; a file the database lacks borrows the flags of the entry with
 * the longest common path (as clang-tidy's interpolation does). False when the database
 * is empty. */
bool compile_database_for(struct compile_database *database, const char *file,
                          struct tu_command *out);
/* The directory with compile_commands.json: ., build/, then the parents of `near` (a
 * file) and their build/. Heap string or NULL. */
char *compile_database_find(const char *near);

#endif
