/* A clean file verifies with expected-no-diagnostics. */
#include <stdio.h>

int main(void) // expected-no-diagnostics
{
    puts("clean");
    return 0;
}
