/* MOVED_IF(0): moved when the call returns 0. When the result is never tested, a later
 * use is a use of a possibly-moved value. */
#include <fearless.h>
#include <stdio.h>

int enqueue(char *item MOVED_IF(0));

void submit(char *item)
{
    enqueue(item); // expected-note {{value moved here, by the call to 'enqueue' when it succeeds}}
    puts(item); // expected-error {{use of possibly-moved value 'item'}} expected-note {{help: test the result of 'enqueue' first: 'item' is moved only when the call succeeds}}
}
