/* The annotations alone: they compile away, no library needed. */
#include <fearless.h>
#include <stdio.h>

static void consume(char *text MOVED) { puts(text); }

int main(void)
{
    char message[] = "annotations: ok";
    consume(message);
    return 0;
}
