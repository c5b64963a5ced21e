#include <stdio.h>

int helper(int x);
#ifdef SAMPLE_WITH_BUG
int moved(void);
#endif

int main(void)
{
    int total = helper(2);
#ifdef SAMPLE_WITH_BUG
    total += moved();
#endif
    printf("%d\n", total);
    return 0;
}
