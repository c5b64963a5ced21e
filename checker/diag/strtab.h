/* A string-keyed hash table (keys copied, values opaque). Not thread-safe: callers lock. */
#ifndef FEARLESS_DIAG_STRTAB_H
#define FEARLESS_DIAG_STRTAB_H

struct strtab;

struct strtab *strtab_new(void);
/* Calls release(value) for every value when release is not NULL. */
void strtab_free(struct strtab *table, void (*release)(void *value));
/* The stored key for `key` (its interned copy), inserting it with a NULL value if absent. */
const char *strtab_intern(struct strtab *table, const char *key);
void *strtab_get(const struct strtab *table, const char *key);
/* Stores value for key (inserting the key); returns the previous value. */
void *strtab_put(struct strtab *table, const char *key, void *value);

#endif
