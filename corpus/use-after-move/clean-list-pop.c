/* Popping and freeing list nodes, and a queue drained in a loop: each node freed once. */
#include <stdlib.h>

struct node {
    struct node *next;
    char *text;
};

struct node *pop(struct node **head)
{
    struct node *node = *head;
    if (node)
        *head = node->next;
    return node;
}

void drain(struct node **head)
{
    struct node *node;
    while ((node = pop(head)) != NULL) {
        free(node->text);
        free(node);
    }
}
// expected-no-diagnostics
