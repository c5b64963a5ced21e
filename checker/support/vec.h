/* A growable array of pointers on the heap (worklists, block lists under construction). */
#ifndef FEARLESS_VEC_H
#define FEARLESS_VEC_H

#include <stddef.h>

struct vec {
    size_t count, capacity;
    void **items;
};

void vec_push(struct vec *vec, void *item);
void vec_free(struct vec *vec);

#endif
