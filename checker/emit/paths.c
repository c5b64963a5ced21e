#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit/paths.h"

static char working_directory[PATH_MAX + 2];
static pthread_once_t working_directory_once = PTHREAD_ONCE_INIT;

static void compute_working_directory(void)
{
    if (!getcwd(working_directory, PATH_MAX))
        strcpy(working_directory, "/");
    size_t length = strlen(working_directory);
    if (working_directory[length - 1] != '/')
        strcpy(working_directory + length, "/");
}

const char *emit_working_directory(void)
{
    pthread_once(&working_directory_once, compute_working_directory);
    return working_directory;
}

bool emit_relative_path(const char *file, char *out, size_t size)
{
    const char *directory = emit_working_directory();
    if (file[0] != '/') { /* already relative to the working directory */
        const char *rest = file;
        while (strncmp(rest, "./", 2) == 0)
            rest += 2;
        snprintf(out, size, "%s", rest);
        return strncmp(rest, "../", 3) != 0;
    }
    char *real = realpath(file, NULL);
    const char *absolute = real ? real : file;
    size_t length = strlen(directory);
    bool under = strncmp(absolute, directory, length) == 0;
    snprintf(out, size, "%s", under ? absolute + length : absolute);
    free(real);
    return under;
}
