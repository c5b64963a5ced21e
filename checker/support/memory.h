/* Heap allocation for the checker: out of memory is not recoverable in an analyzer, so
 * every allocation goes through these, which abort with one clear message. */
#ifndef FEARLESS_MEMORY_H
#define FEARLESS_MEMORY_H

#include <stddef.h>

/* Returns `memory`, or aborts with "fearless: out of memory" when it is NULL:
 * checked_alloc(malloc(n)), checked_alloc(strdup(s)). */
void *checked_alloc(void *memory);
/* Makes room for `needed` items of `size` bytes in `items` (realloc'd, doubling);
 * `capacity` is updated. Returns the (possibly moved) array. */
void *grow_array(void *items, unsigned *capacity, unsigned needed, size_t size);

#endif
