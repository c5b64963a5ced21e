/* A detached thread that owns all it uses (heap memory moved to it) is fine. */
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

static void *log_line(void *arg)
{
    char *line = arg;
    puts(line);
    free(line);
    return NULL;
}

void log_async(char *line)
{
    fl_thread *handle;
    if (fl_spawn(&handle, log_line, line) != FL_OK) {
        free(line);
        return;
    }
    fl_detach(handle);
}
// expected-no-diagnostics
