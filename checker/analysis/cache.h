/* Per-TU memo for shared analyses: an analysis (lockset, ownership, threads) runs once per
 * function and every check that needs it reads the same result. */
#ifndef FEARLESS_ANALYSIS_CACHE_H
#define FEARLESS_ANALYSIS_CACHE_H

struct analysis_cache;
struct ir_function;

struct analysis_cache *analysis_cache_new(void);
/* Releases every stored value with its release function. */
void analysis_cache_free(struct analysis_cache *cache);
/* `key` identifies the analysis (the address of a static object in its file);
 * `function` may be NULL for per-TU results. NULL when absent. */
void *analysis_cache_lookup(struct analysis_cache *cache, const void *key,
                            const struct ir_function *function);
void analysis_cache_store(struct analysis_cache *cache, const void *key,
                          const struct ir_function *function, void *value,
                          void (*release)(void *value));

#endif
