/* The frontend: one libclang translation unit, parsed once, and conversions from
 * libclang locations to the checker's (expansion locations, interned file names). */
#ifndef FEARLESS_FRONTEND_H
#define FEARLESS_FRONTEND_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "diag/diag.h"
#include "pipeline.h"
#include "support/hashmap.h"

struct arena;

struct frontend {
    CXIndex index;
    CXTranslationUnit tu;
    struct arena *arena;
    struct hashmap file_names; /* CXFile -> interned name */
    const char *main_file;     /* as given to clang (joined with the directory if relative) */
    unsigned error_count;      /* clang's errors (expansion locations), for skipping the */
    struct source_location *errors; /* function bodies they are in */
};

/* Parses `input`. Clang's errors go to `sink` as clang-diagnostic-error. On
 * PIPELINE_ANALYZED the TU is ready; on PIPELINE_COMPILE_ERRORS it is too (libclang
 * recovers), but functions containing an error must not be analyzed
 * (frontend_range_has_error); on PIPELINE_FAILED there is no TU. frontend_dispose is
 * needed in every case. */
enum pipeline_status frontend_parse(struct frontend *frontend, const struct tu_input *input,
                                    struct arena *arena, struct diag_sink *sink);
void frontend_dispose(struct frontend *frontend);

/* Calls `visit` once per file the TU included (the main file too). */
void frontend_for_each_inclusion(struct frontend *frontend,
                                 void (*visit)(const char *file, void *data), void *data);

/* Locations, 1-based: code from a macro body at the macro use, a macro argument where it
 * is written (clang's file location). */
struct source_location frontend_location(struct frontend *frontend, CXSourceLocation location);
/* end inclusive (clang's extents end one past the last character). */
struct source_range frontend_range(struct frontend *frontend, CXSourceRange range);
struct source_range frontend_cursor_range(struct frontend *frontend, CXCursor cursor);
bool frontend_is_system(CXCursor cursor);
/* Whether one of clang's errors lies inside `range`. */
bool frontend_range_has_error(const struct frontend *frontend, struct source_range range);

/* Copies a CXString into the arena and disposes it. */
char *frontend_take_string(struct arena *arena, CXString string);

#endif
