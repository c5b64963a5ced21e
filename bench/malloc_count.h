/* malloc_count.h: process-wide count of malloc/calloc/realloc/memalign calls, available
 * in executables that link malloc_count.c. */
#ifndef FL_BENCH_MALLOC_COUNT_H
#define FL_BENCH_MALLOC_COUNT_H

#include <stdint.h>

uint64_t malloc_count_now(void);

#endif
