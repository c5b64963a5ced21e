/* A new value on every iteration: no move reaches a later iteration. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    struct node *next;
    int value;
};

void fill_and_free(int count)
{
    for (int i = 0; i < count; i++) {
        int *cell = malloc(sizeof *cell);
        if (!cell)
            continue;
        *cell = i;
        printf("%d\n", *cell);
        free(cell);
    }
}

void free_list(struct node *node)
{
    while (node) {
        struct node *next = node->next;
        free(node);
        node = next;
    }
}
// expected-no-diagnostics
