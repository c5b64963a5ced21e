/* fearless: the command-line entry point (driver/driver.c does the work). */
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("fearless: the driver is being written\n", stderr);
    return 2;
}
