/* Interning of types. A type's key is structural: pointers and arrays are keyed by their
 * element's key, records and scalars by the canonical spelling, and a typedef that says
 * something of its own (a lock typedef such as pthread_spinlock_t, a SEND/NOT_SEND/
 * LOCK_TYPE claim) by its name, so that its claim is not lost in the canonical type. */
#include <string.h>

#include "frontend/frontend.h"
#include "ir/ir.h"
#include "model/model_annotate.h"
#include "model/model_internal.h"
#include "support/arena.h"

#define TYPE_MAX_DEPTH 24

void *cursor_map_get(const struct hashmap *map, CXCursor cursor)
{
    struct cursor_link *link = intmap_get(map, clang_hashCursor(cursor));
    for (; link; link = link->next)
        if (clang_equalCursors(link->cursor, cursor))
            return link->value;
    return NULL;
}

void cursor_map_put(struct hashmap *map, struct arena *arena, CXCursor cursor, void *value)
{
    unsigned hash = clang_hashCursor(cursor);
    struct cursor_link *link = ARENA_NEW(arena, struct cursor_link);
    link->cursor = cursor;
    link->value = value;
    link->next = intmap_get(map, hash);
    intmap_put(map, hash, link);
}

static enum lock_kind lock_of_name(const char *name)
{
    static const struct {
        const char *name;
        enum lock_kind kind;
    } known[] = {
        {"pthread_mutex_t", LOCK_MUTEX},   {"mtx_t", LOCK_MUTEX},
        {"pthread_rwlock_t", LOCK_RWLOCK}, {"pthread_spinlock_t", LOCK_SPIN},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(known[i].name, name) == 0)
            return known[i].kind;
    return LOCK_NONE;
}

static enum type_kind kind_of(enum CXTypeKind kind)
{
    switch (kind) {
    case CXType_Void: return TYPE_VOID;
    case CXType_Bool: case CXType_Char_U: case CXType_UChar: case CXType_Char16:
    case CXType_Char32: case CXType_UShort: case CXType_UInt: case CXType_ULong:
    case CXType_ULongLong: case CXType_UInt128: case CXType_Char_S: case CXType_SChar:
    case CXType_WChar: case CXType_Short: case CXType_Int: case CXType_Long:
    case CXType_LongLong: case CXType_Int128: case CXType_Enum:
        return TYPE_INTEGER;
    case CXType_Float: case CXType_Double: case CXType_LongDouble: case CXType_Half:
    case CXType_Float16: case CXType_Float128: case CXType_BFloat16: case CXType_Ibm128:
        return TYPE_FLOAT;
    case CXType_Pointer: case CXType_BlockPointer: return TYPE_POINTER;
    case CXType_ConstantArray: case CXType_IncompleteArray: case CXType_VariableArray:
    case CXType_DependentSizedArray:
        return TYPE_ARRAY;
    case CXType_Record: return TYPE_RECORD;
    case CXType_FunctionProto: case CXType_FunctionNoProto: return TYPE_FUNCTION;
    default: return TYPE_OTHER;
    }
}

struct typedef_traits {
    bool special;
    enum trait_claim send, sync;
    enum lock_kind lock;
};

struct type_walk {
    struct model *model;
    unsigned depth;
};

static const struct type_info *intern(struct type_walk *walk, CXType type);

/* Reads the claims written on a typedef declaration (cached by name). */
static struct typedef_traits *typedef_traits(struct model *model, CXCursor decl, const char *name)
{
    struct typedef_traits *traits = strmap_get(&model->typedefs, name);
    if (traits)
        return traits;
    traits = ARENA_NEW(model->arena, struct typedef_traits);
    struct decl_annotations notes;
    annotations_collect(model, decl, &notes);
    traits->send = notes.send;
    traits->sync = notes.sync;
    traits->lock = notes.lock_type ? LOCK_MUTEX : lock_of_name(name);
    traits->special = traits->send != TRAIT_UNSTATED || traits->sync != TRAIT_UNSTATED ||
                      traits->lock != LOCK_NONE;
    strmap_put(&model->typedefs, arena_strdup(model->arena, name), traits);
    return traits;
}

/* The record behind a record type, built once with its fields. */
static struct record_info *record_of(struct type_walk *walk, CXType canonical, const char *spelling)
{
    struct model *model = walk->model;
    struct record_info *record = (struct record_info *)model_record(model, spelling);
    if (record)
        return record;
    CXCursor decl = clang_getTypeDeclaration(canonical);
    CXCursor definition = clang_getCursorDefinition(decl);
    if (!clang_Cursor_isNull(definition))
        decl = definition;
    record = ARENA_NEW(model->arena, struct record_info);
    record->name = arena_strdup(model->arena, spelling);
    record->is_union = decl.kind == CXCursor_UnionDecl;
    record->is_complete = !clang_Cursor_isNull(definition);
    record->decl = frontend_cursor_range(model->frontend, decl);
    record->lock = lock_of_name(spelling);
    model_add_record(model, spelling, record); /* before the fields: recursive types */
    vec_push(&model->record_list, record);
    struct decl_annotations notes;
    annotations_collect(model, decl, &notes);
    record->send = notes.send;
    record->sync = notes.sync;
    if (notes.lock_type)
        record->lock = LOCK_MUTEX;
    if (record->is_complete)
        record_build_fields(model, record, decl);
    return record;
}

static const struct type_info *intern_new(struct type_walk *walk, CXType type, const char *key,
                                          enum type_kind kind)
{
    struct model *model = walk->model;
    struct type_info *info = ARENA_NEW(model->arena, struct type_info);
    strmap_put(&model->types, key, info); /* before the parts: recursive records */
    info->kind = kind;
    info->spelling = frontend_take_string(model->arena, clang_getTypeSpelling(type));
    info->is_const = clang_isConstQualifiedType(type) != 0;
    if (kind == TYPE_POINTER)
        info->pointee = intern(walk, clang_getPointeeType(type));
    else if (kind == TYPE_ARRAY)
        info->pointee = intern(walk, clang_getArrayElementType(type));
    else if (kind == TYPE_RECORD) {
        CXType canonical = clang_getCanonicalType(type);
        CXType unqualified = clang_getUnqualifiedType(canonical);
        char *name = frontend_take_string(model->arena, clang_getTypeSpelling(unqualified));
        info->record = record_of(walk, unqualified, name);
        info->lock = info->record->lock;
    }
    return info;
}

static const struct type_info *intern_typedef(struct type_walk *walk, CXType type)
{
    struct model *model = walk->model;
    CXCursor decl = clang_getTypeDeclaration(type);
    char *name = frontend_take_string(model->arena, clang_getTypedefName(type));
    struct typedef_traits *traits = typedef_traits(model, decl, name);
    CXType underlying = clang_getTypedefDeclUnderlyingType(decl);
    if (!traits->special) {
        const struct type_info *info = intern(walk, underlying);
        /* model_record() also answers to the typedef name (`acct_t`). */
        if (info->kind == TYPE_RECORD && info->record && !model_record(model, name))
            model_add_record(model, name, (struct record_info *)info->record);
        return info;
    }
    char *key = arena_printf(model->arena, "td:%s%s", name,
                             clang_isConstQualifiedType(type) ? " const" : "");
    struct type_info *info = strmap_get(&model->types, key);
    if (info)
        return info;
    const struct type_info *base = intern(walk, underlying);
    info = ARENA_NEW(model->arena, struct type_info);
    *info = *base;
    info->spelling = name;
    info->is_const = info->is_const || clang_isConstQualifiedType(type);
    info->send = traits->send;
    info->sync = traits->sync;
    if (traits->lock != LOCK_NONE)
        info->lock = traits->lock;
    /* A typedef naming a record states the record's traits too (`typedef struct rc rc_t`). */
    if (info->record) {
        struct record_info *record = (struct record_info *)info->record;
        if (record->send == TRAIT_UNSTATED)
            record->send = traits->send;
        if (record->sync == TRAIT_UNSTATED)
            record->sync = traits->sync;
        if (record->lock == LOCK_NONE)
            record->lock = traits->lock;
        if (!model_record(model, name))
            model_add_record(model, name, record);
    }
    strmap_put(&model->types, key, info);
    return info;
}

static const char *qualifier_suffix(CXType type)
{
    bool is_const = clang_isConstQualifiedType(type), is_volatile = clang_isVolatileQualifiedType(type);
    return is_const ? (is_volatile ? " cv" : " c") : (is_volatile ? " v" : "");
}

static const struct type_info *intern(struct type_walk *walk, CXType type)
{
    struct model *model = walk->model;
    if (walk->depth >= TYPE_MAX_DEPTH)
        type.kind = CXType_Unexposed;
    walk->depth++;
    const struct type_info *result;
    while (type.kind == CXType_Elaborated)
        type = clang_Type_getNamedType(type);
    if (type.kind == CXType_Typedef) {
        result = intern_typedef(walk, type);
    } else if (type.kind == CXType_Atomic) {
        const struct type_info *value = intern(walk, clang_Type_getValueType(type));
        char *key = arena_printf(model->arena, "atomic(%p)", (const void *)value);
        struct type_info *info = strmap_get(&model->types, key);
        if (!info) {
            info = ARENA_NEW(model->arena, struct type_info);
            *info = *value;
            info->is_atomic = true;
            info->spelling = arena_printf(model->arena, "_Atomic(%s)", value->spelling);
            strmap_put(&model->types, key, info);
        }
        result = info;
    } else {
        enum type_kind kind = kind_of(type.kind);
        char *key;
        if (kind == TYPE_POINTER || kind == TYPE_ARRAY) {
            CXType element = kind == TYPE_POINTER ? clang_getPointeeType(type)
                                                  : clang_getArrayElementType(type);
            const struct type_info *inner = intern(walk, element);
            key = arena_printf(model->arena, "%c(%p)%s", kind == TYPE_POINTER ? 'p' : 'a',
                               (const void *)inner, qualifier_suffix(type));
        } else {
            key = frontend_take_string(model->arena,
                                       clang_getTypeSpelling(clang_getCanonicalType(type)));
        }
        struct type_info *info = strmap_get(&model->types, key);
        result = info ? info : intern_new(walk, type, key, kind);
    }
    walk->depth--;
    return result;
}

/* libclang types are (QualType, TU) pairs: the QualType pointer identifies a type with
 * its qualifiers and sugar, so it keys a cache in front of the spelling-based interning. */
const struct type_info *model_type(struct model *model, CXType type)
{
    uintptr_t key = (uintptr_t)type.data[0];
    const struct type_info *cached = key ? intmap_get(&model->type_cache, key) : NULL;
    if (cached)
        return cached;
    struct type_walk walk = {model, 0};
    const struct type_info *info = intern(&walk, type);
    if (key)
        intmap_put(&model->type_cache, key, (void *)info);
    return info;
}

const struct field_info *model_field(struct model *model, CXCursor field_decl)
{
    const struct field_info *field = cursor_map_get(&model->decl_fields, field_decl);
    if (field)
        return field;
    /* Building the parent record registers every field of it. */
    CXCursor parent = clang_getCursorSemanticParent(field_decl);
    model_type(model, clang_getCursorType(parent));
    return cursor_map_get(&model->decl_fields, field_decl);
}
