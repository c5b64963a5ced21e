/* fclose on every path, exactly once, including the early-error path. */
#include <stdio.h>

int count_lines(const char *path)
{
    FILE *in = fopen(path, "r");
    if (!in)
        return -1;
    int lines = 0, c;
    while ((c = fgetc(in)) != EOF) {
        if (c == '\n')
            lines++;
        if (lines > 1000000) {
            fclose(in);
            return -1;
        }
    }
    fclose(in);
    return lines;
}
// expected-no-diagnostics
