/* Moved on one path only: the later use is a use of a possibly-moved value. */
#include <stdio.h>
#include <stdlib.h>

void report(char *message, int quiet)
{
    if (quiet)
        free(message); // expected-note {{value moved here, by the call to 'free'}}
    puts(message); // expected-error {{use of possibly-moved value 'message'}} expected-note {{help: 'message' is moved on some paths only}}
}
