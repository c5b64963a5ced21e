/* The model: contracts of types and functions, like Rust signatures. Built once per
 * translation unit from three sources, merged into one shape that checks read:
 *   - fearless annotate strings ("fearless:moved", "fearless:guarded_by:mu", ...),
 *   - clang's thread-safety attributes written by other macro sets (Abseil, ...),
 *   - the table of built-in models (pthreads, C11 threads, free/realloc/fclose, noreturn),
 * plus contracts inferred bottom-up for unannotated functions defined in the TU (checks
 * fill those in through their `summarize` hook). */
#ifndef FEARLESS_MODEL_H
#define FEARLESS_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "diag/diag.h"

struct arena;
struct var;
struct ir_function;

/* ---- types ---------------------------------------------------------------------- */

enum type_kind {
    TYPE_VOID, TYPE_INTEGER, TYPE_FLOAT, TYPE_POINTER, TYPE_ARRAY, TYPE_RECORD,
    TYPE_FUNCTION, TYPE_OTHER
};

/* Rust's auto traits: NO wins over the default, UNSAFE_YES is an unchecked claim. */
enum trait_claim { TRAIT_UNSTATED, TRAIT_YES, TRAIT_NO, TRAIT_UNSAFE_YES };

enum lock_kind {
    LOCK_NONE,
    LOCK_MUTEX,     /* pthread_mutex_t, mtx_t, fl_mutex, any LOCK_TYPE / clang capability */
    LOCK_RWLOCK,    /* pthread_rwlock_t, fl_rwlock: shared and exclusive */
    LOCK_SPIN,      /* pthread_spinlock_t */
    LOCK_RECURSIVE  /* known to be recursive: double-lock is not an error */
};

struct record_info;

/* Canonical types are interned: two equal types are the same pointer. */
struct type_info {
    enum type_kind kind;
    const char *spelling;                /* as clang spells it, e.g. "struct acct *" */
    const struct type_info *pointee;     /* POINTER and ARRAY element */
    const struct record_info *record;    /* RECORD (struct or union) */
    bool is_const, is_atomic;
    enum lock_kind lock;                 /* this type is a lock (capability) */
    enum trait_claim send, sync;         /* claims on the typedef itself, if any */
};

struct lock_path;

struct field_info {
    const char *name;
    const struct type_info *type;
    const struct record_info *owner;
    const struct lock_path *guarded_by;     /* NULL when unguarded */
    const struct lock_path *pt_guarded_by;
    const struct lock_path *const *acquired_before; /* for lock fields; NULL-terminated */
    const struct lock_path *const *acquired_after;
    struct source_range decl;
};

struct record_info {
    const char *name;            /* "struct acct", or the typedef name for anonymous ones */
    bool is_union, is_complete;
    unsigned field_count;
    const struct field_info *fields;
    enum trait_claim send, sync;
    enum lock_kind lock;         /* LOCK_TYPE on the record */
    struct source_range decl;
};

/* Computed, with propagation through members at any depth (like auto traits). The
 * culprit, when not NULL, receives the member chain that makes it fail, e.g. "rc" or
 * "inner.rc". */
bool type_is_send(const struct type_info *type, const char **culprit);
bool type_is_sync(const struct type_info *type, const char **culprit);

/* ---- lock paths --------------------------------------------------------------------- */

/* A lock as named in a contract, relative to where the contract sits:
 *   GUARDED_BY(mu) on a field       -> base LOCK_BASE_SIBLING, steps "mu"
 *   GUARDED_BY(g_mu) / (&g_mu)      -> base LOCK_BASE_GLOBAL
 *   REQUIRES(s->mu) on f(struct s *s) -> base LOCK_BASE_PARAM 0, steps "->mu"
 *   ACQUIRE(m) on f(fl_mutex *m)    -> base LOCK_BASE_PARAM 0, deref_base (pointer: the
 *                                       lock is the pointee), no steps
 *   built-ins write "$0" for parameter 0.
 * Checks resolve it at a use site into a concrete lvalue path (ir/ir.h: path). */
enum lock_base { LOCK_BASE_PARAM, LOCK_BASE_GLOBAL, LOCK_BASE_SIBLING, LOCK_BASE_RETURN };

struct lock_step {
    bool through_pointer;   /* "->" (true) or "." (false) */
    const char *field;
};

struct lock_path {
    enum lock_base base;
    int param_index;             /* LOCK_BASE_PARAM */
    struct var *global;          /* LOCK_BASE_GLOBAL */
    bool deref_base;             /* base is a pointer to the lock ("*m", or "m" of pointer type) */
    unsigned step_count;
    const struct lock_step *steps;
    const char *text;            /* as written, for messages */
};

/* ---- functions ------------------------------------------------------------------------ */

enum lock_effect_kind {
    EFFECT_ACQUIRE, EFFECT_ACQUIRE_SHARED,
    EFFECT_RELEASE, EFFECT_RELEASE_SHARED,
    EFFECT_RELEASE_ANY,           /* pthread_rwlock_unlock: whichever way it is held */
    EFFECT_TRY_ACQUIRE, EFFECT_TRY_ACQUIRE_SHARED, /* held iff result == success_value */
    EFFECT_REQUIRES, EFFECT_REQUIRES_SHARED,
    EFFECT_EXCLUDES,
    EFFECT_WAIT                   /* condvar wait: requires the lock, releases and retakes */
};

struct lock_effect {
    enum lock_effect_kind kind;
    struct lock_path lock;
    long long success_value;      /* TRY_ACQUIRE: result meaning "acquired" */
};

struct param_contract {
    bool moved;                   /* MOVED */
    bool moved_if;                /* MOVED_IF(v): moved only when result == moved_if_value */
    long long moved_if_value;
    bool thread_arg;              /* THREAD_ARG */
    bool thread_fn;               /* THREAD_FN */
    bool joins;                   /* JOINS */
    bool detaches;                /* DETACHES */
    bool inferred_moved;          /* moved, as inferred from the body (not annotated) */
};

enum contract_origin { ORIGIN_DECLARED, ORIGIN_BUILTIN, ORIGIN_INFERRED };

struct function_info {
    const char *name;
    const struct type_info *return_type;
    unsigned param_count;
    bool variadic;
    const char **param_names;
    const struct type_info **param_types;
    struct param_contract *params;        /* param_count entries */

    unsigned effect_count;
    struct lock_effect *effects;
    const struct lock_path *returns_guard; /* RETURNS_GUARD */

    bool noreturn;                 /* exit, abort, pthread_exit, longjmp, _Noreturn, ..., and
                                      TU functions whose body cannot return (inferred when
                                      lowered: callers lowered later see it) */
    bool no_thread_safety_analysis;
    bool returns_fresh_heap;       /* malloc, calloc, realloc, strdup, ... */
    bool is_recursive_lock_init;   /* pthread_mutexattr_settype(..., RECURSIVE) seen: rare */

    /* Thread spawn: set when a parameter is THREAD_FN. The handle is the first parameter
     * that is neither THREAD_FN nor THREAD_ARG (pthread_create's pthread_t *, fl_scope *),
     * or -1 when there is none. success_value: the result meaning "spawned" (0 for
     * pthread_create, thrd_create, fl_spawn). */
    bool is_spawn;
    int spawn_handle_param, spawn_fn_param, spawn_arg_param;
    long long spawn_success_value;

    enum contract_origin origin;
    struct ir_function *body;      /* set when defined in this TU */
    struct source_range decl;
};

/* ---- the model of one TU ---------------------------------------------------------------- */

struct model;

/* Lookups by name; NULL when unknown. Functions without a declaration the TU can see
 * (implicit) get a default contract with no effects. */
const struct function_info *model_function(const struct model *model, const char *name);
struct function_info *model_function_mutable(struct model *model, const char *name);
const struct record_info *model_record(const struct model *model, const char *name);
/* Integer value of an enumerator or macro-free constant name as used in MOVED_IF(FL_OK),
 * TRY_ACQUIRE(true, m). Returns false when unknown. */
bool model_constant(const struct model *model, const char *name, long long *value);

/* Every function declared or defined in the TU outside system headers, in declaration
 * order, then the system functions the TU's bodies use (called or named). */
unsigned model_function_count(const struct model *model);
struct function_info *model_function_at(struct model *model, unsigned index);

/* Every struct and union defined outside system headers, plus every other record a type
 * of the TU reached; each once (typedef names are aliases, not new records). */
unsigned model_record_count(const struct model *model);
const struct record_info *model_record_at(const struct model *model, unsigned index);

/* Fearless annotation strings (outside system headers) the model could not use: an
 * unknown kind, a missing argument, a lock name that names nothing, an unknown constant.
 * The `annotation` check reports them. */
struct annotation_problem {
    struct source_range range;    /* the annotation: the macro use that wrote it */
    const char *annotation;       /* as written after "fearless:", e.g. "guarded_by:nope" */
    const char *problem;          /* e.g. "'nope' names no parameter, field or global" */
};
unsigned model_annotation_problem_count(const struct model *model);
const struct annotation_problem *model_annotation_problem_at(const struct model *model,
                                                             unsigned index);

#endif
