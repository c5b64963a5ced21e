/* The finding of moved.c, expected: --verify passes. */
#include <stdlib.h>

int main(void)
{
    int *value = malloc(sizeof *value);
    if (!value)
        return 1;
    *value = 1;
    free(value);
    return *value; // expected-error {{use of moved value}}
    // expected-note@* 0+ {{}}
}
