/* destroy() is inferred to move its argument; the caller gives the variable a new value
 * before using it again. */
#include <stdlib.h>

struct buffer {
    char *data;
};

static void destroy(struct buffer *buffer)
{
    if (!buffer)
        return;
    free(buffer->data);
    free(buffer);
}

struct buffer *recycle(struct buffer *buffer)
{
    destroy(buffer);
    buffer = calloc(1, sizeof *buffer);
    if (buffer)
        buffer->data = NULL;
    return buffer;
}
// expected-no-diagnostics
