/* Open addressing with linear probing; the table doubles at half load. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/strtab.h"
#include "support/memory.h"

struct slot {
    char *key;
    void *value;
};

struct strtab {
    struct slot *slots;
    size_t capacity, count;
};

static uint64_t hash_text(const char *text)
{
    uint64_t hash = 1469598103934665603u; /* FNV-1a */
    for (; *text; text++)
        hash = (hash ^ (unsigned char)*text) * 1099511628211u;
    return hash;
}

struct strtab *strtab_new(void)
{
    struct strtab *table = checked_alloc(calloc(1, sizeof *table));
    table->capacity = 16;
    table->slots = checked_alloc(calloc(table->capacity, sizeof *table->slots));
    return table;
}

void strtab_free(struct strtab *table, void (*release)(void *value))
{
    if (!table)
        return;
    for (size_t i = 0; i < table->capacity; i++) {
        if (!table->slots[i].key)
            continue;
        if (release && table->slots[i].value)
            release(table->slots[i].value);
        free(table->slots[i].key);
    }
    free(table->slots);
    free(table);
}

static struct slot *find_slot(struct slot *slots, size_t capacity, const char *key)
{
    size_t index = hash_text(key) & (capacity - 1);
    while (slots[index].key && strcmp(slots[index].key, key) != 0)
        index = (index + 1) & (capacity - 1);
    return &slots[index];
}

static void grow(struct strtab *table)
{
    size_t capacity = table->capacity * 2;
    struct slot *slots = checked_alloc(calloc(capacity, sizeof *slots));
    for (size_t i = 0; i < table->capacity; i++)
        if (table->slots[i].key)
            *find_slot(slots, capacity, table->slots[i].key) = table->slots[i];
    free(table->slots);
    table->slots = slots;
    table->capacity = capacity;
}

static struct slot *insert(struct strtab *table, const char *key)
{
    struct slot *slot = find_slot(table->slots, table->capacity, key);
    if (slot->key)
        return slot;
    if ((table->count + 1) * 2 > table->capacity) {
        grow(table);
        slot = find_slot(table->slots, table->capacity, key);
    }
    slot->key = checked_alloc(strdup(key));
    table->count++;
    return slot;
}

const char *strtab_intern(struct strtab *table, const char *key)
{
    return insert(table, key)->key;
}

void *strtab_get(const struct strtab *table, const char *key)
{
    return find_slot(table->slots, table->capacity, key)->value;
}

void *strtab_put(struct strtab *table, const char *key, void *value)
{
    struct slot *slot = insert(table, key);
    void *previous = slot->value;
    slot->value = value;
    return previous;
}
