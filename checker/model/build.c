/* Building the model: one pass over the TU's top-level declarations collects enumerators,
 * globals and the last declaration of each function (it carries every attribute of the
 * earlier ones, inherited); then globals get types and guards (all names known by then),
 * then functions get contracts. Declarations in system headers are taken only when used
 * (model_function_for_decl / model_global_for_decl from the lowering). */
#include "model/build.h"

#include "frontend/frontend.h"
#include "support/arena.h"

struct collected {
    struct model *model;
    struct vec globals;        /* CXCursor * of non-system VarDecls */
    struct vec types;          /* CXCursor * of non-system records and typedefs */
    struct hashmap functions;  /* name -> CXCursor * (last declaration) */
    struct vec function_names; /* first-seen order */
};

static CXCursor *cursor_copy(struct arena *arena, CXCursor cursor)
{
    CXCursor *copy = ARENA_NEW(arena, CXCursor);
    *copy = cursor;
    return copy;
}

static enum CXChildVisitResult collect_enumerator(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct model *model = data;
    if (cursor.kind == CXCursor_EnumConstantDecl) {
        CXString name = clang_getCursorSpelling(cursor);
        model_add_constant(model, clang_getCString(name), clang_getEnumConstantDeclValue(cursor));
        clang_disposeString(name);
    }
    return CXChildVisit_Continue;
}

static enum CXChildVisitResult collect_top_level(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct collected *collected = data;
    struct model *model = collected->model;
    switch (cursor.kind) {
    case CXCursor_EnumDecl:
        clang_visitChildren(cursor, collect_enumerator, model);
        break;
    case CXCursor_StructDecl: case CXCursor_UnionDecl: case CXCursor_TypedefDecl:
        /* Enums declared inside records or typedefs still name constants. */
        clang_visitChildren(cursor, collect_top_level, collected);
        if (!frontend_is_system(cursor))
            vec_push(&collected->types, cursor_copy(model->arena, cursor));
        break;
    case CXCursor_VarDecl:
        if (!frontend_is_system(cursor))
            vec_push(&collected->globals, cursor_copy(model->arena, cursor));
        break;
    case CXCursor_FunctionDecl: {
        if (frontend_is_system(cursor))
            break;
        char *name = frontend_take_string(model->arena, clang_getCursorSpelling(cursor));
        CXCursor *last = strmap_get(&collected->functions, name);
        if (!last)
            vec_push(&collected->function_names, name);
        strmap_put(&collected->functions, name, cursor_copy(model->arena, cursor));
        break;
    }
    default:
        break;
    }
    return CXChildVisit_Continue;
}

struct model *model_build(struct frontend *frontend, struct arena *arena)
{
    struct model *model = model_new(arena);
    model->frontend = frontend;
    struct collected collected = {.model = model};
    hashmap_init(&collected.functions);
    clang_visitChildren(clang_getTranslationUnitCursor(frontend->tu), collect_top_level, &collected);
    struct var **shells = ARENA_ARRAY(arena, struct var *, collected.globals.count + 1);
    for (size_t i = 0; i < collected.globals.count; i++)
        shells[i] = model_global_shell(model, *(CXCursor *)collected.globals.items[i]);
    for (size_t i = 0; i < collected.globals.count; i++)
        model_global_fill(model, shells[i], *(CXCursor *)collected.globals.items[i]);
    /* Every record and typedef outside system headers, used or not: the annotation check
     * looks at all of them. */
    for (size_t i = 0; i < collected.types.count; i++)
        model_type(model, clang_getCursorType(*(CXCursor *)collected.types.items[i]));
    for (size_t i = 0; i < collected.function_names.count; i++) {
        CXCursor *decl = strmap_get(&collected.functions, collected.function_names.items[i]);
        model_function_for_decl(model, *decl);
    }
    vec_free(&collected.globals);
    vec_free(&collected.types);
    vec_free(&collected.function_names);
    hashmap_destroy(&collected.functions);
    return model;
}
