/* Function contracts from declarations: signature, parameter and function annotations,
 * clang thread-safety attributes, noreturn, and the built-in table as a fallback. Also the
 * globals, with their own GUARDED_BY. */
#include <string.h>

#include "frontend/frontend.h"
#include "ir/ir.h"
#include "model/builtins.h"
#include "model/lockpath.h"
#include "model/model_annotate.h"
#include "support/arena.h"

static void add_effect(struct model *model, struct function_info *info, enum lock_effect_kind kind,
                       const struct lock_path *lock, long long success)
{
    struct lock_effect *effects = ARENA_ARRAY(model->arena, struct lock_effect, info->effect_count + 1);
    if (info->effect_count)
        memcpy(effects, info->effects, info->effect_count * sizeof *effects);
    effects[info->effect_count] = (struct lock_effect){kind, *lock, success};
    info->effects = effects;
    info->effect_count++;
}

static void add_effects(struct model *model, struct function_info *info, const struct lock_scope *scope,
                        enum lock_effect_kind kind, const char *args, bool has_success)
{
    const char **items;
    unsigned count = annotation_split(model->arena, args, &items);
    long long success = 0;
    unsigned first = 0;
    if (has_success && count > 0) {
        if (!model_constant(model, items[0], &success)) {
            model_annotation_problem(model, scope->note, "'%s' is not a known constant", items[0]);
            success = 0;
        }
        first = 1;
    }
    if (count <= first)
        model_annotation_problem(model, scope->note, "a lock name is missing");
    for (unsigned i = first; i < count; i++) {
        const struct lock_path *lock = lock_path_parse(scope, items[i]);
        if (lock)
            add_effect(model, info, kind, lock, success);
    }
}

static bool lock_effect_of(enum annotation_kind kind, enum lock_effect_kind *effect, bool *has_success)
{
    static const struct {
        enum annotation_kind annotation;
        enum lock_effect_kind effect;
        bool has_success;
    } table[] = {
        {ANN_REQUIRES, EFFECT_REQUIRES, false}, {ANN_REQUIRES_SHARED, EFFECT_REQUIRES_SHARED, false},
        {ANN_EXCLUDES, EFFECT_EXCLUDES, false}, {ANN_ACQUIRE, EFFECT_ACQUIRE, false},
        {ANN_ACQUIRE_SHARED, EFFECT_ACQUIRE_SHARED, false}, {ANN_RELEASE, EFFECT_RELEASE, false},
        {ANN_RELEASE_SHARED, EFFECT_RELEASE_SHARED, false},
        {ANN_RELEASE_ANY, EFFECT_RELEASE_ANY, false}, {ANN_WAIT, EFFECT_WAIT, false},
        {ANN_TRY_ACQUIRE, EFFECT_TRY_ACQUIRE, true},
        {ANN_TRY_ACQUIRE_SHARED, EFFECT_TRY_ACQUIRE_SHARED, true},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (table[i].annotation == kind) {
            *effect = table[i].effect;
            *has_success = table[i].has_success;
            return true;
        }
    }
    return false;
}

void function_apply_annotation(struct model *model, struct function_info *info,
                               const struct annotation *note)
{
    struct lock_scope scope = {.model = model, .param_count = info->param_count,
                               .param_names = info->param_names, .param_types = info->param_types,
                               .note = note};
    enum lock_effect_kind effect;
    bool has_success;
    if (lock_effect_of(note->kind, &effect, &has_success)) {
        add_effects(model, info, &scope, effect, note->args, has_success);
        return;
    }
    switch (note->kind) {
    case ANN_RETURNS_GUARD: info->returns_guard = lock_path_parse(&scope, note->args); break;
    case ANN_NO_THREAD_SAFETY_ANALYSIS: info->no_thread_safety_analysis = true; break;
    case ANN_NORETURN: info->noreturn = true; break;
    case ANN_FRESH_HEAP: info->returns_fresh_heap = true; break;
    default: break;
    }
}

void param_apply_annotation(struct model *model, struct param_contract *param,
                            const struct annotation *note)
{
    switch (note->kind) {
    case ANN_MOVED: param->moved = true; break;
    case ANN_MOVED_IF:
        param->moved_if = true;
        if (!model_constant(model, note->args, &param->moved_if_value)) {
            model_annotation_problem(model, note, "'%s' is not a known constant", note->args);
            param->moved_if_value = 0;
        }
        break;
    case ANN_THREAD_ARG: param->thread_arg = true; break;
    case ANN_THREAD_FN: param->thread_fn = true; break;
    case ANN_JOINS: param->joins = true; break;
    case ANN_DETACHES: param->detaches = true; break;
    default: break;
    }
}

/* A parameter marked THREAD_FN makes the function a spawn. */
void function_derive_spawn(struct function_info *info)
{
    info->is_spawn = false;
    info->spawn_fn_param = info->spawn_arg_param = info->spawn_handle_param = -1;
    for (unsigned i = 0; i < info->param_count; i++) {
        if (info->params[i].thread_fn && info->spawn_fn_param < 0)
            info->spawn_fn_param = (int)i;
        else if (info->params[i].thread_arg && info->spawn_arg_param < 0)
            info->spawn_arg_param = (int)i;
    }
    if (info->spawn_fn_param < 0)
        return;
    info->is_spawn = true;
    for (unsigned i = 0; i < info->param_count; i++) {
        if (!info->params[i].thread_fn && !info->params[i].thread_arg) {
            info->spawn_handle_param = (int)i;
            break;
        }
    }
}

static void fill_signature(struct model *model, struct function_info *info, CXCursor decl)
{
    CXType type = clang_getCursorType(decl);
    info->return_type = model_type(model, clang_getResultType(type));
    info->variadic = clang_isFunctionTypeVariadic(type) != 0;
    int count = clang_Cursor_getNumArguments(decl);
    info->param_count = count > 0 ? (unsigned)count : 0;
    info->param_names = ARENA_ARRAY(model->arena, const char *, info->param_count + 1);
    info->param_types = ARENA_ARRAY(model->arena, const struct type_info *, info->param_count + 1);
    info->params = ARENA_ARRAY(model->arena, struct param_contract, info->param_count + 1);
    for (unsigned i = 0; i < info->param_count; i++) {
        CXCursor param = clang_Cursor_getArgument(decl, i);
        info->param_names[i] = frontend_take_string(model->arena, clang_getCursorSpelling(param));
        info->param_types[i] = model_type(model, clang_getCursorType(param));
    }
    CXString spelling = clang_getTypeSpelling(type);
    info->noreturn = strstr(clang_getCString(spelling), "__attribute__((noreturn))") != NULL;
    clang_disposeString(spelling);
    info->decl = frontend_cursor_range(model->frontend, decl);
}

/* Reads every annotation of `decl` and its parameters; true when any was fearless or a
 * clang thread-safety attribute (then the built-in table does not apply). */
static bool apply_declared(struct model *model, struct function_info *info, CXCursor decl)
{
    struct decl_annotations notes;
    annotations_collect(model, decl, &notes);
    bool annotated = notes.count > 0;
    if (notes.noreturn)
        info->noreturn = true;
    for (unsigned i = 0; i < notes.count; i++)
        function_apply_annotation(model, info, &notes.items[i]);
    for (unsigned i = 0; i < info->param_count; i++) {
        annotations_collect(model, clang_Cursor_getArgument(decl, i), &notes);
        annotated = annotated || notes.count > 0;
        for (unsigned n = 0; n < notes.count; n++)
            param_apply_annotation(model, &info->params[i], &notes.items[n]);
    }
    return annotated;
}

struct function_info *model_function_for_decl(struct model *model, CXCursor decl)
{
    char *name = frontend_take_string(model->arena, clang_getCursorSpelling(decl));
    bool created;
    struct function_info *info = model_add_function(model, name, &created);
    if (!created)
        return info;
    fill_signature(model, info, decl);
    bool annotated = apply_declared(model, info, decl);
    if (!annotated && builtin_apply(model, info))
        info->origin = ORIGIN_BUILTIN;
    function_derive_spawn(info);
    return info;
}

struct var *model_global_shell(struct model *model, CXCursor decl)
{
    char *name = frontend_take_string(model->arena, clang_getCursorSpelling(decl));
    struct var *var = model_global(model, name);
    if (var)
        return var;
    var = ARENA_NEW(model->arena, struct var);
    var->id = model_new_var_id(model);
    var->name = name;
    var->kind = VAR_GLOBAL;
    var->thread_local = clang_getCursorTLSKind(decl) != CXTLS_None;
    var->decl = frontend_cursor_range(model->frontend, decl);
    model_add_global(model, var);
    return var;
}

void model_global_fill(struct model *model, struct var *var, CXCursor decl)
{
    if (var->type)
        return;
    var->type = model_type(model, clang_getCursorType(decl));
    struct decl_annotations notes;
    annotations_collect(model, decl, &notes);
    if (!notes.count)
        return;
    struct field_info *guard = ARENA_NEW(model->arena, struct field_info);
    guard->name = var->name;
    guard->type = var->type;
    guard->decl = var->decl;
    struct lock_scope scope = {.model = model};
    field_apply_annotations(&scope, guard, &notes);
    if (guard->guarded_by || guard->pt_guarded_by || guard->acquired_before || guard->acquired_after)
        var->guard = guard;
}

struct var *model_global_for_decl(struct model *model, CXCursor decl)
{
    struct var *var = model_global_shell(model, decl);
    model_global_fill(model, var, decl);
    return var;
}
