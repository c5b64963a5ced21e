/* MOVED_IF: the branch that tests the result decides; a switch on it too. */
#include <fearless.h>
#include <stdio.h>
#include <stdlib.h>

int enqueue(char *item MOVED_IF(0));

void submit(char *item)
{
    if (enqueue(item) == 0)
        return;
    puts(item);
    free(item);
}

void submit_switch(char *item)
{
    switch (enqueue(item)) {
    case 0:
        break;
    default:
        free(item);
        break;
    }
}
// expected-no-diagnostics
