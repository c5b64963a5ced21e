/* Compiles only with the flag its compile command gives (-DNEEDED_FLAG=1). */
#ifndef NEEDED_FLAG
#error "NEEDED_FLAG missing: the compile command was not used"
#endif

int main(void)
{
    return NEEDED_FLAG - 1;
}
