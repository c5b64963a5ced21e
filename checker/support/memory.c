#include "support/memory.h"

#include <stdio.h>
#include <stdlib.h>

void *checked_alloc(void *memory)
{
    if (!memory) {
        fputs("fearless: out of memory\n", stderr);
        abort();
    }
    return memory;
}

void *grow_array(void *items, unsigned *capacity, unsigned needed, size_t size)
{
    if (needed <= *capacity)
        return items;
    unsigned next = *capacity ? *capacity * 2 : 8;
    while (next < needed)
        next *= 2;
    items = checked_alloc(realloc(items, (size_t)next * size));
    *capacity = next;
    return items;
}
