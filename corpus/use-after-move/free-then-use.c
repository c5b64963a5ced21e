/* free moves its argument: reading through the pointer afterwards is a use after free. */
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

int last_value(struct node *node)
{
    free(node); // expected-note {{value moved here, by the call to 'free'}}
    return node->value; // expected-error {{use of moved value 'node'}} expected-note {{help: stop using 'node' after the call to 'free'}}
}
