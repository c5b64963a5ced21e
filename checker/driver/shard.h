/* --shard=I/N: split the translation units across CI jobs. Every job computes the same
 * assignment from the file's path alone, so N jobs together cover each TU exactly once. */
#ifndef FEARLESS_DRIVER_SHARD_H
#define FEARLESS_DRIVER_SHARD_H

#include <stdbool.h>

/* "I/N" with 1 <= I <= N: true and sets index (1-based) and count; false on bad syntax. */
bool shard_parse(const char *spec, unsigned *index, unsigned *count);
/* Whether shard `index` of `count` analyzes `file` (a stable hash of the path). */
bool shard_selects(unsigned index, unsigned count, const char *file);

#endif
