/* Input of test_lower_pipeline: found through tu_input.directory. */
#include "engine_relative.h"

int engine_relative(void)
{
    return ENGINE_RELATIVE_VALUE;
}
