/* q = p copies the pointer: after free(p), using q is a use of the moved value. */
#include <stdlib.h>

int read_copy(void)
{
    int *p = malloc(sizeof *p);
    if (!p)
        return 0;
    *p = 7;
    int *q = p;
    free(p); // expected-note {{value moved here, by the call to 'free'}}
    return *q; // expected-error {{use of moved value 'q'}} expected-note {{help: stop using 'q' after the call to 'free'}}
}
