/* The same use after move, suppressed by NOLINT comments. */
#include <stdlib.h>

int first(int *value)
{
    free(value);
    return *value; // NOLINT(fearless-use-after-move)
}

int second(int *value)
{
    free(value);
    // NOLINTNEXTLINE
    return *value;
}

// NOLINTBEGIN(fearless-*)
int third(int *value)
{
    free(value);
    return *value;
}
// NOLINTEND(fearless-*)
