#ifndef SAMPLE_HELPER_SCALE
#error the compile command's -D flags did not reach the checker
#endif

int helper(int x)
{
    return x * SAMPLE_HELPER_SCALE;
}
