/* destroy() has no annotation, but frees its parameter on every path (a NULL parameter
 * counts as freed): its contract is inferred, and callers see the move. */
#include <stdlib.h>

struct buffer {
    char *data;
    size_t size;
};

static void destroy(struct buffer *buffer)
{
    if (!buffer)
        return;
    free(buffer->data);
    free(buffer);
}

size_t size_after_destroy(struct buffer *buffer)
{
    destroy(buffer); // expected-note {{value moved here, by the call to 'destroy'}}
    return buffer->size; // expected-error {{use of moved value 'buffer'}} expected-note {{help: stop using 'buffer' after the call to 'destroy'}}
}
