#define _GNU_SOURCE /* asprintf */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/filter.h"
#include "support/memory.h"

struct glob {
    char *pattern;
    bool negated;
};

struct diag_filter {
    unsigned glob_count;
    struct glob *globs;
    bool has_header_filter;
    regex_t header_filter;
    unsigned system_count;
    char **system_directories;
};

bool check_glob_match(const char *pattern, size_t length, const char *text)
{
    if (length == 0)
        return *text == '\0';
    if (*pattern == '*') {
        for (const char *rest = text;; rest++) {
            if (check_glob_match(pattern + 1, length - 1, rest))
                return true;
            if (!*rest)
                return false;
        }
    }
    return *text == *pattern && check_glob_match(pattern + 1, length - 1, text + 1);
}

static void add_glob(struct diag_filter *filter, const char *entry, size_t length)
{
    while (length && (*entry == ' ' || *entry == '\t' || *entry == '\n')) {
        entry++;
        length--;
    }
    while (length && (entry[length - 1] == ' ' || entry[length - 1] == '\t' ||
                      entry[length - 1] == '\n'))
        length--;
    bool negated = length && *entry == '-';
    if (negated) {
        entry++;
        length--;
    }
    if (!length)
        return;
    filter->globs = checked_alloc(realloc(filter->globs, (filter->glob_count + 1) * sizeof *filter->globs));
    filter->globs[filter->glob_count++] = (struct glob){checked_alloc(strndup(entry, length)), negated};
}

static void add_globs(struct diag_filter *filter, const char *list)
{
    while (*list) {
        size_t length = strcspn(list, ",");
        add_glob(filter, list, length);
        list += length + (list[length] == ',');
    }
}

static const char *const default_system_directories[] = {
    "/usr/include/", "/usr/local/include/", "/usr/lib/gcc/", FEARLESS_CLANG_RESOURCE_DIR "/",
};

struct diag_filter *diag_filter_new(const char *checks, const char *header_filter, char **error)
{
    struct diag_filter *filter = checked_alloc(calloc(1, sizeof *filter));
    if (header_filter && *header_filter) {
        int status = regcomp(&filter->header_filter, header_filter, REG_EXTENDED | REG_NOSUB);
        if (status != 0) {
            char reason[256];
            regerror(status, &filter->header_filter, reason, sizeof reason);
            if (asprintf(error, "invalid --header-filter '%s': %s", header_filter, reason) < 0)
                *error = NULL;
            free(filter);
            return NULL;
        }
        filter->has_header_filter = true;
    }
    add_globs(filter, "fearless-*");
    if (checks)
        add_globs(filter, checks);
    for (size_t i = 0; i < sizeof default_system_directories / sizeof *default_system_directories; i++)
        diag_filter_add_system_directory(filter, default_system_directories[i]);
    return filter;
}

void diag_filter_free(struct diag_filter *filter)
{
    if (!filter)
        return;
    for (unsigned i = 0; i < filter->glob_count; i++)
        free(filter->globs[i].pattern);
    free(filter->globs);
    for (unsigned i = 0; i < filter->system_count; i++)
        free(filter->system_directories[i]);
    free(filter->system_directories);
    if (filter->has_header_filter)
        regfree(&filter->header_filter);
    free(filter);
}

void diag_filter_add_system_directory(struct diag_filter *filter, const char *directory)
{
    size_t length = strlen(directory);
    if (!length)
        return;
    char *copy = checked_alloc(malloc(length + 2));
    memcpy(copy, directory, length + 1);
    if (copy[length - 1] != '/')
        strcpy(copy + length, "/"); /* "/usr/inc" must not cover "/usr/include2" */
    filter->system_directories = checked_alloc(realloc(filter->system_directories,
                                                 (filter->system_count + 1) * sizeof(char *)));
    filter->system_directories[filter->system_count++] = copy;
}

bool diag_filter_check_enabled(const struct diag_filter *filter, const char *id)
{
    if (strncmp(id, "clang-diagnostic-", 17) == 0)
        return true;
    char full[256];
    if (strncmp(id, "fearless-", 9) != 0) {
        snprintf(full, sizeof full, "fearless-%s", id);
        id = full;
    }
    if (!filter)
        return true;
    bool enabled = false;
    for (unsigned i = 0; i < filter->glob_count; i++) /* the last matching glob decides */
        if (check_glob_match(filter->globs[i].pattern, strlen(filter->globs[i].pattern), id))
            enabled = !filter->globs[i].negated;
    return enabled;
}

bool diag_filter_is_system_file(const struct diag_filter *filter, const char *file)
{
    if (!filter)
        return false;
    for (unsigned i = 0; i < filter->system_count; i++) {
        const char *directory = filter->system_directories[i];
        if (strncmp(file, directory, strlen(directory)) == 0)
            return true;
    }
    return false;
}

bool diag_filter_file_wanted(const struct diag_filter *filter, const char *file,
                             const char *main_file)
{
    if (!file)
        return false;
    if (main_file && strcmp(file, main_file) == 0)
        return true; /* the file asked for, wherever it lives */
    if (diag_filter_is_system_file(filter, file))
        return false;
    if (!main_file)
        return true;
    return filter && filter->has_header_filter &&
           regexec(&filter->header_filter, file, 0, NULL, 0) == 0;
}
