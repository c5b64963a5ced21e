/* Bump allocator in chunks; big requests get a chunk of their own so nothing is wasted. */
#include "support/arena.h"
#include "support/memory.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_SIZE (64 * 1024)
#define ARENA_ALIGN 16

struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena {
    struct chunk *current;  /* the chunk being filled */
    struct chunk *full;     /* every other chunk, freed with the arena */
};

static struct chunk *chunk_new(size_t size)
{
    struct chunk *chunk = checked_alloc(malloc(sizeof *chunk + size));
    chunk->next = NULL;
    chunk->size = size;
    chunk->used = 0;
    return chunk;
}

struct arena *arena_new(void)
{
    struct arena *arena = checked_alloc(malloc(sizeof *arena));
    arena->current = chunk_new(ARENA_CHUNK_SIZE);
    arena->full = NULL;
    return arena;
}

static void chunk_list_free(struct chunk *chunk)
{
    while (chunk) {
        struct chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
}

void arena_free(struct arena *arena)
{
    if (!arena)
        return;
    chunk_list_free(arena->current);
    chunk_list_free(arena->full);
    free(arena);
}

void *arena_alloc(struct arena *arena, size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded == 0)
        rounded = ARENA_ALIGN;
    if (rounded > ARENA_CHUNK_SIZE / 4) {
        /* A dedicated chunk keeps the current one usable. */
        struct chunk *big = chunk_new(rounded);
        big->used = rounded;
        big->next = arena->full;
        arena->full = big;
        memset(big->data, 0, rounded);
        return big->data;
    }
    struct chunk *chunk = arena->current;
    if (chunk->size - chunk->used < rounded) {
        chunk->next = arena->full;
        arena->full = chunk;
        chunk = chunk_new(ARENA_CHUNK_SIZE);
        arena->current = chunk;
    }
    void *memory = chunk->data + chunk->used;
    chunk->used += rounded;
    memset(memory, 0, rounded);
    return memory;
}

void *arena_copy(struct arena *arena, const void *data, size_t size)
{
    void *memory = arena_alloc(arena, size);
    if (size)
        memcpy(memory, data, size);
    return memory;
}

char *arena_strdup(struct arena *arena, const char *text)
{
    if (!text)
        return NULL;
    return arena_copy(arena, text, strlen(text) + 1);
}

char *arena_vprintf(struct arena *arena, const char *format, va_list args)
{
    va_list again;
    va_copy(again, args);
    int length = vsnprintf(NULL, 0, format, args);
    if (length < 0) {
        va_end(again);
        return arena_strdup(arena, "");
    }
    char *text = arena_alloc(arena, (size_t)length + 1);
    vsnprintf(text, (size_t)length + 1, format, again);
    va_end(again);
    return text;
}

char *arena_printf(struct arena *arena, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *text = arena_vprintf(arena, format, args);
    va_end(args);
    return text;
}
