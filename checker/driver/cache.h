/* --cache-dir DIR: results of translation units that did not change are replayed instead
 * of analyzed. Key: the checker (its version, executable and libclang), the options, the
 * file's contents, its directory and flags, and the contents of every file it included
 * when it was last analyzed. */
#ifndef FEARLESS_DRIVER_CACHE_H
#define FEARLESS_DRIVER_CACHE_H

#include <stdbool.h>

#include "pipeline.h"

struct diagnostic;
struct diag_sink;
struct result_cache;

/* Creates DIR when missing. NULL + a malloc'd message when it cannot. */
struct result_cache *result_cache_open(const char *directory, char **error);
/* Hit: replays the stored diagnostics into sink, sets *status, returns true. */
bool result_cache_replay(struct result_cache *cache, const struct tu_input *input,
                         struct diag_sink *sink, enum pipeline_status *status);
/* After an analysis: store the TU's diagnostics (the ones the pipeline produced for it)
 * and the included files collected through pipeline_options.on_inclusion. Thread-safe;
 * a failure to write only costs the next run a miss. Only PIPELINE_ANALYZED results are
 * stored (a TU with compile errors is analyzed again next time). */
void result_cache_store(struct result_cache *cache, const struct tu_input *input,
                        const char *const *included_files, unsigned included_count,
                        const struct diagnostic *const *diags, unsigned diag_count,
                        enum pipeline_status status);
void result_cache_close(struct result_cache *cache);
/* Options that change what the pipeline reports (--strict, --checks, ...), as any string
 * that differs when they differ: part of every key. Call before the first replay. */
void result_cache_set_options(struct result_cache *cache, const char *options);

#endif
