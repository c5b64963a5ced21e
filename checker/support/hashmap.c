#include "support/hashmap.h"
#include "support/memory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hashmap_init(struct hashmap *map)
{
    map->capacity = 0;
    map->count = 0;
    map->entries = NULL;
}

void hashmap_destroy(struct hashmap *map)
{
    free(map->entries);
    hashmap_init(map);
}

uint64_t hash_string(const char *text)
{
    uint64_t hash = 1469598103934665603ull; /* FNV-1a */
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        hash ^= *c;
        hash *= 1099511628211ull;
    }
    return hash ? hash : 1;
}

static uint64_t hash_integer(uintptr_t key)
{
    uint64_t hash = (uint64_t)key * 0x9e3779b97f4a7c15ull;
    hash ^= hash >> 31;
    return hash ? hash : 1;
}

static void hashmap_grow(struct hashmap *map);

/* Finds the slot of `key` or the empty slot where it belongs. */
static struct hashmap_entry *hashmap_slot(const struct hashmap *map, uint64_t hash,
                                          const void *key, bool is_string)
{
    size_t mask = map->capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct hashmap_entry *entry = &map->entries[i];
        if (entry->hash == 0)
            return entry;
        if (entry->hash == hash &&
            (is_string ? strcmp(entry->key, key) == 0 : entry->key == key))
            return entry;
    }
}

static void hashmap_insert(struct hashmap *map, uint64_t hash, const void *key, void *value,
                           bool is_string)
{
    if ((map->count + 1) * 4 > map->capacity * 3)
        hashmap_grow(map);
    struct hashmap_entry *entry = hashmap_slot(map, hash, key, is_string);
    if (entry->hash == 0)
        map->count++;
    entry->hash = hash;
    entry->key = key;
    entry->value = value;
}

static void hashmap_grow(struct hashmap *map)
{
    size_t old_capacity = map->capacity;
    struct hashmap_entry *old = map->entries;
    map->capacity = old_capacity ? old_capacity * 2 : 16;
    map->entries = checked_alloc(calloc(map->capacity, sizeof *map->entries));
    for (size_t i = 0; i < old_capacity; i++) {
        if (old[i].hash == 0)
            continue;
        /* Strings and integers never share a map, so the key comparison is not needed:
         * every old key is unique. */
        size_t mask = map->capacity - 1;
        size_t j = old[i].hash & mask;
        while (map->entries[j].hash != 0)
            j = (j + 1) & mask;
        map->entries[j] = old[i];
    }
    free(old);
}

void *strmap_get(const struct hashmap *map, const char *key)
{
    if (map->capacity == 0)
        return NULL;
    struct hashmap_entry *entry = hashmap_slot(map, hash_string(key), key, true);
    return entry->hash ? entry->value : NULL;
}

void strmap_put(struct hashmap *map, const char *key, void *value)
{
    hashmap_insert(map, hash_string(key), key, value, true);
}

void *intmap_get(const struct hashmap *map, uintptr_t key)
{
    if (map->capacity == 0)
        return NULL;
    struct hashmap_entry *entry = hashmap_slot(map, hash_integer(key), (const void *)key, false);
    return entry->hash ? entry->value : NULL;
}

void intmap_put(struct hashmap *map, uintptr_t key, void *value)
{
    hashmap_insert(map, hash_integer(key), (const void *)key, value, false);
}
