/* A move inside a loop reaches its own use in the next iteration. */
#include <stdlib.h>

void release_many(char *buffer, int count)
{
    for (int i = 0; i < count; i++)
        free(buffer); // expected-error {{use of moved value 'buffer'}} expected-note {{value moved here, in previous iteration of loop}} expected-note {{help: each iteration needs its own value}}
}
