/* realloc moves its block only when it succeeds: on NULL the old block is still ours. */
#include <stdlib.h>

int grow(int **items, size_t count)
{
    int *bigger = realloc(*items, count * 2 * sizeof **items);
    if (!bigger)
        return -1;
    *items = bigger;
    return 0;
}

char *grow_or_free(char *buffer, size_t size)
{
    char *bigger = realloc(buffer, size);
    if (!bigger) {
        free(buffer);
        return NULL;
    }
    return bigger;
}

char *grow_in_place(char *buffer, size_t size)
{
    buffer = realloc(buffer, size);
    return buffer;
}
// expected-no-diagnostics
