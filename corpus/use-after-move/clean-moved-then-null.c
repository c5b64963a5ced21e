/* After a MOVED call the caller forgets the pointer (NULL) and tests it before use. */
#include <fearless.h>
#include <stdio.h>

void consume(char *text MOVED);

void hand_over(char *text, int keep)
{
    if (!keep) {
        consume(text);
        text = NULL;
    }
    if (text)
        puts(text);
}
// expected-no-diagnostics
