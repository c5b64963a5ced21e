/* Per-TU memo of analysis results, keyed by (analysis key, function). A TU is analyzed by
 * one thread, so no locking. */
#include "analysis/cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "support/hashmap.h"
#include "support/memory.h"

struct cache_entry {
    const void *key;
    const struct ir_function *function;
    void *value;
    void (*release)(void *value);
    struct cache_entry *next_in_bucket;
};

struct analysis_cache {
    struct hashmap buckets; /* combined hash -> first entry of the bucket */
    struct cache_entry **all_items;
    size_t all_count, all_capacity;
};

static uintptr_t cache_hash(const void *key, const struct ir_function *function)
{
    return (uintptr_t)key * 31u ^ (uintptr_t)function;
}

struct analysis_cache *analysis_cache_new(void)
{
    struct analysis_cache *cache = checked_alloc(calloc(1, sizeof *cache));
    hashmap_init(&cache->buckets);
    return cache;
}

void analysis_cache_free(struct analysis_cache *cache)
{
    if (!cache)
        return;
    for (size_t i = 0; i < cache->all_count; i++) {
        struct cache_entry *entry = cache->all_items[i];
        if (entry->release && entry->value)
            entry->release(entry->value);
        free(entry);
    }
    free(cache->all_items);
    hashmap_destroy(&cache->buckets);
    free(cache);
}

static struct cache_entry *cache_find(struct analysis_cache *cache, const void *key,
                                      const struct ir_function *function)
{
    struct cache_entry *entry = intmap_get(&cache->buckets, cache_hash(key, function));
    for (; entry; entry = entry->next_in_bucket)
        if (entry->key == key && entry->function == function)
            return entry;
    return NULL;
}

void *analysis_cache_lookup(struct analysis_cache *cache, const void *key,
                            const struct ir_function *function)
{
    struct cache_entry *entry = cache_find(cache, key, function);
    return entry ? entry->value : NULL;
}

void analysis_cache_store(struct analysis_cache *cache, const void *key,
                          const struct ir_function *function, void *value,
                          void (*release)(void *value))
{
    struct cache_entry *entry = cache_find(cache, key, function);
    if (entry) {
        /* Replacing: the old value is released now, as the caller gave up on it. */
        if (entry->release && entry->value && entry->value != value)
            entry->release(entry->value);
        entry->value = value;
        entry->release = release;
        return;
    }
    entry = checked_alloc(calloc(1, sizeof *entry));
    uintptr_t hash = cache_hash(key, function);
    entry->key = key;
    entry->function = function;
    entry->value = value;
    entry->release = release;
    entry->next_in_bucket = intmap_get(&cache->buckets, hash);
    intmap_put(&cache->buckets, hash, entry);
    if (cache->all_count == cache->all_capacity) {
        size_t capacity = cache->all_capacity ? cache->all_capacity * 2 : 32;
        struct cache_entry **items =
            checked_alloc(realloc(cache->all_items, capacity * sizeof *items));
        cache->all_items = items;
        cache->all_capacity = capacity;
    }
    cache->all_items[cache->all_count++] = entry;
}
