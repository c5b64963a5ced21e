/* maybe_release frees its argument on one path only: no contract is inferred, and the
 * caller's later use is not reported. */
#include <stdio.h>
#include <stdlib.h>

static int maybe_release(char *text, int done)
{
    if (done) {
        free(text);
        return 1;
    }
    return 0;
}

void caller(char *text)
{
    if (!maybe_release(text, 0))
        puts(text);
}
// expected-no-diagnostics
