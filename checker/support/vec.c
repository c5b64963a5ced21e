#include "support/vec.h"
#include "support/memory.h"

#include <stdio.h>
#include <stdlib.h>

void vec_push(struct vec *vec, void *item)
{
    if (vec->count == vec->capacity) {
        size_t capacity = vec->capacity ? vec->capacity * 2 : 8;
        void **items = checked_alloc(realloc(vec->items, capacity * sizeof *items));
        vec->items = items;
        vec->capacity = capacity;
    }
    vec->items[vec->count++] = item;
}

void vec_free(struct vec *vec)
{
    free(vec->items);
    vec->items = NULL;
    vec->count = vec->capacity = 0;
}
