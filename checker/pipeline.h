/* One translation unit through the whole pipeline:
 *   frontend (libclang parse) -> model -> IR + CFG -> summaries (bottom-up) -> checks.
 * The CLI driver and the language server both call this. */
#ifndef FEARLESS_PIPELINE_H
#define FEARLESS_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

struct diag_sink;

struct tu_input {
    const char *file;               /* the source file to analyze */
    const char *directory;          /* working directory of the compile command (or NULL) */
    int argument_count;             /* compiler flags only: no compiler, no -c/-o, no file */
    const char *const *arguments;
    const char *unsaved_contents;   /* editor buffer for `file`, or NULL to read the disk */
    size_t unsaved_length;
};

struct pipeline_options {
    bool strict;
    /* Which checks run: NULL = all. Called with the check name ("use-after-move"). */
    bool (*check_enabled)(const char *name, void *data);
    void *check_enabled_data;
    bool dump_ir;                   /* --dump-ir (hidden): print the CFGs to stderr */
    /* Optional: called once per file the TU included (after a successful parse), for the
     * result cache's key. */
    void (*on_inclusion)(const char *file, void *data);
    void *inclusion_data;
};

enum pipeline_status {
    PIPELINE_ANALYZED,       /* parsed cleanly and every check ran */
    PIPELINE_COMPILE_ERRORS, /* clang reported errors (sent to the sink as
                                clang-diagnostic-error); the TU counts as not analyzed, but
                                the checks still ran on every function definition that
                                contains no error */
    PIPELINE_FAILED,         /* could not be parsed at all (missing file, libclang failure);
                                a clang-diagnostic-error says why */
    PIPELINE_BAD_ANNOTATIONS /* analyzed, but some annotation strings could not be read
                                (fearless-annotation errors say which): bad input, exit 2 */
};

/* Thread-safe: each call uses its own libclang index. */
enum pipeline_status pipeline_analyze(const struct tu_input *input,
                                      const struct pipeline_options *options,
                                      struct diag_sink *sink);

#endif
