/* Small open-addressing hash maps used across the engine: string keys (names, USRs) and
 * integer keys (cursor hashes, pointers). Keys and values are not owned. */
#ifndef FEARLESS_HASHMAP_H
#define FEARLESS_HASHMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hashmap_entry {
    uint64_t hash;      /* 0 marks an empty slot */
    const void *key;    /* string (strmap) or pointer-sized integer (intmap) */
    void *value;
};

struct hashmap {
    size_t capacity, count;
    struct hashmap_entry *entries;
};

void hashmap_init(struct hashmap *map);
void hashmap_destroy(struct hashmap *map);

/* String keys (compared with strcmp). */
void *strmap_get(const struct hashmap *map, const char *key);
/* Inserts or replaces; `key` must outlive the map. */
void strmap_put(struct hashmap *map, const char *key, void *value);

/* Integer keys (pointers, ids). */
void *intmap_get(const struct hashmap *map, uintptr_t key);
void intmap_put(struct hashmap *map, uintptr_t key, void *value);

uint64_t hash_string(const char *text);

#endif
