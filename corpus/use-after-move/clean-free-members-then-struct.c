/* Freeing members and then the struct reads only the struct pointer: clean. */
#include <stdlib.h>

struct pair {
    char *left;
    char *right;
};

void pair_free(struct pair *pair)
{
    free(pair->left);
    free(pair->right);
    free(pair);
}

void free_all(char **items, int count)
{
    for (int i = 0; i < count; i++)
        free(items[i]);
    free(items);
}
// expected-no-diagnostics
