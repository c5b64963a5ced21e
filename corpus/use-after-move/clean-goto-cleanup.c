/* The goto-cleanup shape: every path frees each buffer exactly once. */
#include <stdio.h>
#include <stdlib.h>

int copy_file(const char *from, const char *to)
{
    int result = -1;
    char *buffer = NULL;
    FILE *in = fopen(from, "rb");
    if (!in)
        return -1;
    FILE *out = fopen(to, "wb");
    if (!out)
        goto close_in;
    buffer = malloc(4096);
    if (!buffer)
        goto close_out;
    size_t n;
    while ((n = fread(buffer, 1, 4096, in)) > 0)
        if (fwrite(buffer, 1, n, out) != n)
            goto free_buffer;
    result = 0;
free_buffer:
    free(buffer);
close_out:
    fclose(out);
close_in:
    fclose(in);
    return result;
}
// expected-no-diagnostics
