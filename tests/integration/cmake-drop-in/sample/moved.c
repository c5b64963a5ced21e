#include <stdlib.h>

int moved(void)
{
    char *buffer = malloc(8);
    if (!buffer)
        return 0;
    buffer[0] = 1;
    free(buffer);
    return buffer[0];
}
