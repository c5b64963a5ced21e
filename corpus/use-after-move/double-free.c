/* A second move of a moved value is a use of it: here a double free. */
#include <stdlib.h>

void release_twice(int flag)
{
    char *buffer = malloc(16);
    if (!buffer)
        return;
    free(buffer); // expected-note {{value moved here, by the call to 'free'}}
    if (flag)
        free(buffer); // expected-error {{use of moved value 'buffer'}} expected-note {{help: stop using 'buffer' after the call to 'free'}}
}
