/* Reading what a declaration says about itself: fearless annotate strings and clang's
 * thread-safety attributes (any macro set), merged into one list of annotations. */
#ifndef FEARLESS_MODEL_ANNOTATE_H
#define FEARLESS_MODEL_ANNOTATE_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "model/model_internal.h"

enum annotation_kind {
    ANN_UNKNOWN,
    ANN_MOVED, ANN_MOVED_IF, ANN_THREAD_ARG, ANN_THREAD_FN, ANN_JOINS, ANN_DETACHES,
    ANN_SEND, ANN_NOT_SEND, ANN_UNSAFE_SEND, ANN_SYNC, ANN_NOT_SYNC, ANN_UNSAFE_SYNC,
    ANN_LOCK_TYPE, ANN_GUARDED_BY, ANN_PT_GUARDED_BY,
    ANN_REQUIRES, ANN_REQUIRES_SHARED, ANN_EXCLUDES,
    ANN_ACQUIRE, ANN_ACQUIRE_SHARED, ANN_RELEASE, ANN_RELEASE_SHARED,
    ANN_TRY_ACQUIRE, ANN_TRY_ACQUIRE_SHARED, ANN_RETURNS_GUARD,
    ANN_ACQUIRED_BEFORE, ANN_ACQUIRED_AFTER, ANN_NO_THREAD_SAFETY_ANALYSIS,
    /* Only in the built-in table (model/builtins.c). */
    ANN_RELEASE_ANY, ANN_WAIT, ANN_NORETURN, ANN_FRESH_HEAP,
    ANN_KIND_COUNT
};

struct annotation {
    enum annotation_kind kind;
    const char *args;       /* text after "kind:", trimmed; "" when none */
    bool from_clang;        /* a clang thread-safety attribute, not a fearless string */
    const char *text;       /* fearless strings outside system headers: as written after
                               "fearless:", for problem reports (NULL otherwise) */
    struct source_range range; /* where it is written (the macro use) */
};

#define ANNOTATIONS_MAX 32

struct decl_annotations {
    unsigned count;
    struct annotation items[ANNOTATIONS_MAX];
    enum trait_claim send, sync;
    bool lock_type;
    bool fearless;          /* at least one fearless annotate string */
    bool noreturn;          /* _Noreturn / noreturn attribute */
    bool system;            /* declared in a system header */
    /* GNU __attribute__((cleanup(f))) on a local: f's name as written at the macro use
     * and in the attribute itself (one of them names the function). */
    const char *cleanup[2];
};

/* "moved_if:FL_OK" (without the "fearless:" prefix) -> kind and args. */
enum annotation_kind annotation_parse(struct arena *arena, const char *text, const char **args);
const char *annotation_kind_name(enum annotation_kind kind);

/* Collects the attributes of `decl` (not of its parameters). Clang thread-safety attributes
 * are read only outside system headers; one that says what a fearless string on the same
 * declaration says is dropped (fearless.h emits both). */
void annotations_collect(struct model *model, CXCursor decl, struct decl_annotations *out);

/* Splits "a, b->c, f(x, y)" at top-level commas into trimmed arena strings. Returns the
 * count; *items is NULL-terminated. */
unsigned annotation_split(struct arena *arena, const char *args, const char ***items);

struct lock_scope;
/* GUARDED_BY, PT_GUARDED_BY, ACQUIRED_BEFORE/AFTER of a field or a global. */
void field_apply_annotations(const struct lock_scope *scope, struct field_info *field,
                             const struct decl_annotations *notes);

/* Fields of a complete record, with their lock annotations (model/records.c). */
void record_build_fields(struct model *model, struct record_info *record, CXCursor decl);

#endif
