/* The model's storage, shared by the files of model/ and by the lowering (which adds
 * variables and implicit functions). Checks use model.h only. */
#ifndef FEARLESS_MODEL_INTERNAL_H
#define FEARLESS_MODEL_INTERNAL_H

#include <clang-c/Index.h>

#include "model/model.h"
#include "support/hashmap.h"
#include "support/vec.h"

struct model {
    struct arena *arena;
    struct hashmap functions;   /* name -> struct function_info */
    struct vec function_list;   /* declaration order */
    struct hashmap records;     /* "struct acct" / typedef name -> struct record_info */
    struct hashmap constants;   /* enumerator name -> long long * */
    struct hashmap types;       /* type key -> struct type_info */
    struct hashmap globals;     /* name -> struct var */
    struct vec global_list;
    struct vec record_list;     /* struct record_info *, each once */
    struct vec problems;        /* struct annotation_problem * */
    unsigned next_var_id;
    struct frontend *frontend;  /* for types and functions met lazily during lowering */
    struct hashmap typedefs;    /* typedef name -> struct typedef_traits */
    struct hashmap decl_fields; /* FieldDecl hash -> struct cursor_link chain */
    struct hashmap type_cache;  /* libclang QualType pointer -> struct type_info */
};

/* A small chain keyed by clang_hashCursor, disambiguated with clang_equalCursors. */
struct cursor_link {
    CXCursor cursor;
    void *value;
    struct cursor_link *next;
};
void *cursor_map_get(const struct hashmap *map, CXCursor cursor);
void cursor_map_put(struct hashmap *map, struct arena *arena, CXCursor cursor, void *value);

/* Interned type of a libclang type (model/types.c). */
const struct type_info *model_type(struct model *model, CXType type);
/* The field a FieldDecl cursor names (NULL for bit-fields of unknown records). */
const struct field_info *model_field(struct model *model, CXCursor field_decl);
/* The contract of the function a declaration cursor names, created on first use
 * (model/functions.c). */
struct function_info *model_function_for_decl(struct model *model, CXCursor decl);
/* The global a VarDecl names, created on first use. */
struct var *model_global_for_decl(struct model *model, CXCursor decl);
/* The two halves of it, so that every global has a name before any GUARDED_BY is read. */
struct var *model_global_shell(struct model *model, CXCursor decl);
void model_global_fill(struct model *model, struct var *var, CXCursor decl);

struct model *model_new(struct arena *arena);
void model_free(struct model *model);

/* Registers a function by name (first declaration wins the slot; later declarations add
 * to it). Returns the existing entry when there is one. */
struct function_info *model_add_function(struct model *model, const char *name, bool *created);
void model_add_constant(struct model *model, const char *name, long long value);
void model_add_record(struct model *model, const char *name, struct record_info *record);
struct var *model_global(const struct model *model, const char *name);
void model_add_global(struct model *model, struct var *var);
unsigned model_new_var_id(struct model *model);
struct annotation;
/* Records a problem with a fearless annotation (ignored for built-in and clang ones). */
void model_annotation_problem(struct model *model, const struct annotation *note,
                              const char *format, ...) __attribute__((format(printf, 3, 4)));

#endif
