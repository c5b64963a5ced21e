/* free() moves its argument: reading it afterwards is a use after move. */
#include <stdlib.h>

int main(void)
{
    int *value = malloc(sizeof *value);
    if (!value)
        return 1;
    *value = 1;
    free(value);
    return *value;
}
