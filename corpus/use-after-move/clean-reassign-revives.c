/* Assigning a moved variable a new value revives it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rotate(void)
{
    char *name = strdup("first");
    free(name);
    name = strdup("second");
    if (name)
        puts(name);
    free(name);
    name = NULL;
}
// expected-no-diagnostics
