/* Lowering a TU: every function definition outside system headers becomes an
 * ir_function. This file holds the per-function setup, variables, scopes and the
 * emission helpers the other lower_*.c files share. */
#include "ir/lower.h"

#include <string.h>

#include "ir/lower_internal.h"
#include "model/model_annotate.h"
#include "support/arena.h"

/* ---- cursor helpers ---------------------------------------------------------------- */

struct child_collect {
    struct arena *arena;
    unsigned count, capacity;
    CXCursor *items;
};

static enum CXChildVisitResult collect_child(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct child_collect *collect = data;
    enum CXCursorKind kind = cursor.kind;
    if (!clang_isExpression(kind) && !clang_isStatement(kind) && !clang_isDeclaration(kind))
        return CXChildVisit_Continue;
    if (collect->count == collect->capacity) {
        unsigned bigger = collect->capacity ? collect->capacity * 2 : 4;
        CXCursor *items = ARENA_ARRAY(collect->arena, CXCursor, bigger);
        if (collect->count)
            memcpy(items, collect->items, collect->count * sizeof *items);
        collect->items = items;
        collect->capacity = bigger;
    }
    collect->items[collect->count++] = cursor;
    return CXChildVisit_Continue;
}

struct children lower_children(struct lowerer *lowerer, CXCursor cursor)
{
    struct child_collect collect = {lowerer->scratch, 0, 0, NULL};
    clang_visitChildren(cursor, collect_child, &collect);
    return (struct children){collect.count, collect.items};
}

struct source_range lower_range(struct lowerer *lowerer, CXCursor cursor)
{
    return frontend_cursor_range(lowerer->frontend, cursor);
}

const struct type_info *lower_type(struct lowerer *lowerer, CXCursor cursor)
{
    return model_type(lowerer->model, clang_getCursorType(cursor));
}

/* The name of a declaration, as a range: where "declared here" notes point. */
static struct source_range name_range(struct lowerer *lowerer, CXCursor decl, const char *name)
{
    struct source_range range;
    range.begin = frontend_location(lowerer->frontend, clang_getCursorLocation(decl));
    range.end = range.begin;
    size_t length = strlen(name);
    if (length > 1)
        range.end.column += (unsigned)length - 1;
    return range;
}

static struct var *new_local(struct lowerer *lowerer, CXCursor decl, enum var_kind kind)
{
    struct var *var = ARENA_NEW(lowerer->arena, struct var);
    var->id = model_new_var_id(lowerer->model);
    var->name = frontend_take_string(lowerer->arena, clang_getCursorSpelling(decl));
    var->kind = kind;
    var->type = lower_type(lowerer, decl);
    var->decl = name_range(lowerer, decl, var->name);
    var->scope_depth = kind == VAR_PARAM || !lowerer->scope ? 0 : (int)lowerer->scope->depth;
    var->thread_local = clang_getCursorTLSKind(decl) != CXTLS_None;
    cursor_map_put(&lowerer->locals, lowerer->arena, decl, var);
    if (kind != VAR_PARAM)
        vec_push(&lowerer->local_list, var);
    return var;
}

const struct path *lower_var_path(struct lowerer *lowerer, const struct var *var)
{
    const struct path *path = intmap_get(&lowerer->var_paths, (uintptr_t)var);
    if (!path) {
        path = path_of_var(lowerer->arena, var);
        intmap_put(&lowerer->var_paths, (uintptr_t)var, (void *)path);
    }
    return path;
}

const struct var *lower_var(struct lowerer *lowerer, CXCursor decl)
{
    const struct var *var = cursor_map_get(&lowerer->locals, decl);
    if (var)
        return var;
    enum CXCursorKind parent = clang_getCursorSemanticParent(decl).kind;
    if (decl.kind == CXCursor_ParmDecl)
        return new_local(lowerer, decl, VAR_PARAM);
    if (parent == CXCursor_FunctionDecl) {
        bool is_static = clang_Cursor_getStorageClass(decl) == CX_SC_Static;
        return new_local(lowerer, decl, is_static ? VAR_STATIC_LOCAL : VAR_LOCAL);
    }
    return model_global_for_decl(lowerer->model, decl);
}

/* ---- emission ------------------------------------------------------------------------ */

struct value lower_value(enum value_kind kind, struct source_range range)
{
    struct value value;
    memset(&value, 0, sizeof value);
    value.kind = kind;
    value.range = range;
    return value;
}

struct inst *lower_emit(struct lowerer *lowerer, enum inst_kind kind, struct source_range range)
{
    struct inst inst;
    memset(&inst, 0, sizeof inst);
    inst.kind = kind;
    inst.range = range;
    return cfg_append(&lowerer->cfg, lowerer->current, &inst);
}

void lower_read(struct lowerer *lowerer, const struct path *path, struct source_range range)
{
    if (!path)
        return;
    lower_emit(lowerer, INST_READ, range)->path = path;
}

void lower_write(struct lowerer *lowerer, const struct path *path, struct value value,
                 bool compound, struct source_range range)
{
    if (!path)
        return;
    struct inst *inst = lower_emit(lowerer, INST_WRITE, range);
    inst->path = path;
    inst->value = value;
    inst->compound = compound;
}

void lower_jump(struct lowerer *lowerer, struct block *to)
{
    lowerer->current->terminator.kind = TERM_GOTO;
    cfg_add_edge(&lowerer->cfg, lowerer->current, to, false, 0);
    lowerer->current = cfg_new_block(&lowerer->cfg);
}

void lower_continue_in(struct lowerer *lowerer, struct block *block)
{
    lowerer->current->terminator.kind = TERM_GOTO;
    cfg_add_edge(&lowerer->cfg, lowerer->current, block, false, 0);
    lowerer->current = block;
}

void lower_unreachable(struct lowerer *lowerer, struct source_range range)
{
    lowerer->current->terminator.kind = TERM_UNREACHABLE;
    lowerer->current->terminator.range = range;
    lowerer->current = cfg_new_block(&lowerer->cfg);
}

/* ---- scopes ---------------------------------------------------------------------------- */

void lower_scope_push(struct lowerer *lowerer)
{
    struct scope *scope = ARENA_NEW(lowerer->arena, struct scope);
    scope->parent = lowerer->scope;
    scope->depth = lowerer->scope ? lowerer->scope->depth + 1 : 1;
    lowerer->scope = scope;
    vec_push(&lowerer->all_scopes, scope);
}

void lower_note_cleanup(struct lowerer *lowerer, const struct var *var, CXCursor decl)
{
    if (!clang_Cursor_hasAttrs(decl))
        return;
    struct decl_annotations notes;
    annotations_collect(lowerer->model, decl, &notes);
    for (int i = 0; i < 2; i++) {
        struct function_info *info = model_function_mutable(lowerer->model, notes.cleanup[i]);
        if (info) {
            intmap_put(&lowerer->cleanups, (uintptr_t)var, info);
            return;
        }
    }
}

void lower_run_cleanup(struct lowerer *lowerer, const struct var *var, struct source_range range)
{
    const struct function_info *cleanup = intmap_get(&lowerer->cleanups, (uintptr_t)var);
    if (!cleanup)
        return;
    struct value *argument = ARENA_NEW(lowerer->arena, struct value);
    *argument = lower_value(VALUE_ADDRESS, range);
    argument->path = lower_var_path(lowerer, var);
    struct inst *inst = lower_emit(lowerer, INST_CALL, range);
    inst->call.callee = cleanup;
    inst->call.arg_count = 1;
    inst->call.args = argument;
    inst->call.result_temp = lowerer->function->temp_count++;
}

void lower_run_all_cleanups(struct lowerer *lowerer, struct source_range range)
{
    if (lowerer->cleanups.count == 0)
        return;
    for (struct scope *scope = lowerer->scope; scope; scope = scope->parent)
        for (size_t i = scope->vars.count; i > 0; i--)
            lower_run_cleanup(lowerer, scope->vars.items[i - 1], range);
}

static void end_scope_vars(struct lowerer *lowerer, struct scope *scope, unsigned from,
                           unsigned to, struct source_range range)
{
    for (unsigned i = to; i > from; i--) {
        const struct var *var = scope->vars.items[i - 1];
        if (var->kind != VAR_LOCAL)
            continue;
        lower_run_cleanup(lowerer, var, range);
        lower_emit(lowerer, INST_SCOPE_END, range)->var = var;
    }
}

void lower_scope_pop(struct lowerer *lowerer, struct source_range range, bool emit)
{
    struct scope *scope = lowerer->scope;
    if (emit)
        end_scope_vars(lowerer, scope, 0, (unsigned)scope->vars.count, range);
    lowerer->scope = scope->parent; /* kept (in all_scopes) for gotos resolved later */
}

void lower_end_scopes_until(struct lowerer *lowerer, struct scope *target, struct source_range range)
{
    for (struct scope *scope = lowerer->scope; scope && scope != target; scope = scope->parent)
        end_scope_vars(lowerer, scope, 0, (unsigned)scope->vars.count, range);
}

struct scope_snapshot lower_snapshot(struct lowerer *lowerer)
{
    struct scope_snapshot snapshot = {0, NULL};
    for (struct scope *scope = lowerer->scope; scope; scope = scope->parent)
        snapshot.depth++;
    snapshot.marks = ARENA_ARRAY(lowerer->arena, struct scope_mark, snapshot.depth + 1);
    unsigned i = snapshot.depth;
    for (struct scope *scope = lowerer->scope; scope; scope = scope->parent)
        snapshot.marks[--i] = (struct scope_mark){scope, (unsigned)scope->vars.count};
    return snapshot;
}

void lower_declare(struct lowerer *lowerer, const struct var *var)
{
    if (lowerer->scope)
        vec_push(&lowerer->scope->vars, (void *)var);
    lower_emit(lowerer, INST_DECL, var->decl)->var = var;
}

/* A goto leaves every scope the label is not in, and in the innermost common scope ends
 * the locals declared after the label (a backward jump over declarations). Closed scopes
 * keep their variable lists until the function is done, so the marks still apply. */
static void end_goto_scopes(struct lowerer *lowerer, struct pending_goto *jump)
{
    const struct scope_snapshot *from = &jump->snapshot, *to = &jump->label->snapshot;
    unsigned common = 0;
    while (common < from->depth && common < to->depth &&
           from->marks[common].scope == to->marks[common].scope)
        common++;
    struct block *saved = lowerer->current;
    lowerer->current = jump->block;
    for (unsigned level = from->depth; level > common; level--) {
        const struct scope_mark *mark = &from->marks[level - 1];
        end_scope_vars(lowerer, mark->scope, 0, mark->var_count, jump->range);
    }
    if (common > 0 && common <= from->depth && common <= to->depth) {
        const struct scope_mark *mine = &from->marks[common - 1], *theirs = &to->marks[common - 1];
        if (mine->var_count > theirs->var_count)
            end_scope_vars(lowerer, mine->scope, theirs->var_count, mine->var_count, jump->range);
    }
    lowerer->current = saved;
}

void lower_resolve_gotos(struct lowerer *lowerer)
{
    for (size_t i = 0; i < lowerer->gotos.count; i++) {
        struct pending_goto *jump = lowerer->gotos.items[i];
        if (jump->label->defined)
            end_goto_scopes(lowerer, jump);
        jump->block->terminator.kind = TERM_GOTO;
        cfg_add_edge(&lowerer->cfg, jump->block, jump->label->block, false, 0);
    }
    /* `goto *p`: any label may be the target. */
    for (size_t i = 0; i < lowerer->indirect_gotos.count; i++) {
        struct block *block = lowerer->indirect_gotos.items[i];
        for (size_t slot = 0; slot < lowerer->labels.capacity; slot++) {
            struct label *label = lowerer->labels.entries[slot].hash ? lowerer->labels.entries[slot].value : NULL;
            if (label && label->defined)
                cfg_add_edge(&lowerer->cfg, block, label->block, false, 0);
        }
        if (block->successor_count == 0)
            block->terminator.kind = TERM_UNREACHABLE;
    }
}

/* ---- functions --------------------------------------------------------------------------- */

static CXCursor function_body(struct lowerer *lowerer, CXCursor definition)
{
    struct children children = lower_children(lowerer, definition);
    for (unsigned i = children.count; i > 0; i--)
        if (children.items[i - 1].kind == CXCursor_CompoundStmt)
            return children.items[i - 1];
    return clang_getNullCursor();
}

static void lower_params(struct lowerer *lowerer, CXCursor definition)
{
    struct ir_function *function = lowerer->function;
    int count = clang_Cursor_getNumArguments(definition);
    function->param_count = count > 0 ? (unsigned)count : 0;
    function->params = ARENA_ARRAY(lowerer->arena, const struct var *, function->param_count + 1);
    for (unsigned i = 0; i < function->param_count; i++)
        function->params[i] = new_local(lowerer, clang_Cursor_getArgument(definition, i), VAR_PARAM);
}

static void finish_function(struct lowerer *lowerer, struct block *entry)
{
    struct ir_function *function = lowerer->function;
    /* Falling off the end of the body returns. */
    lowerer->current->terminator.kind = TERM_RETURN;
    lowerer->current->terminator.range = function->body_end;
    lowerer->current->terminator.value = lower_value(VALUE_NONE, function->body_end);
    cfg_add_edge(&lowerer->cfg, lowerer->current, lowerer->exit, false, 0);
    lower_resolve_gotos(lowerer);
    cfg_finalize(&lowerer->cfg, function, entry, lowerer->exit);
    function->local_count = (unsigned)lowerer->local_list.count;
    function->locals = ARENA_ARRAY(lowerer->arena, const struct var *, function->local_count + 1);
    for (unsigned i = 0; i < function->local_count; i++)
        function->locals[i] = lowerer->local_list.items[i];
}

static void lowerer_dispose(struct lowerer *lowerer)
{
    cfg_dispose(&lowerer->cfg);
    hashmap_destroy(&lowerer->labels);
    hashmap_destroy(&lowerer->locals);
    hashmap_destroy(&lowerer->var_paths);
    hashmap_destroy(&lowerer->cleanups);
    vec_free(&lowerer->gotos);
    vec_free(&lowerer->indirect_gotos);
    vec_free(&lowerer->local_list);
    for (size_t i = 0; i < lowerer->all_scopes.count; i++)
        vec_free(&((struct scope *)lowerer->all_scopes.items[i])->vars);
    vec_free(&lowerer->all_scopes);
    arena_free(lowerer->scratch);
}

static struct ir_function *lower_function(struct frontend *frontend, struct model *model,
                                          struct arena *arena, CXCursor definition)
{
    struct lowerer lowerer;
    memset(&lowerer, 0, sizeof lowerer);
    lowerer.frontend = frontend;
    lowerer.model = model;
    lowerer.arena = arena;
    cfg_init(&lowerer.cfg, arena);
    lowerer.scratch = arena_new();
    struct ir_function *function = ARENA_NEW(arena, struct ir_function);
    lowerer.function = function;
    function->info = model_function_for_decl(model, definition);
    function->name = function->info->name;
    function->info->body = function;
    function->range = lower_range(&lowerer, definition);
    function->is_main = strcmp(function->name, "main") == 0;
    CXCursor body = function_body(&lowerer, definition);
    struct source_range body_range = lower_range(&lowerer, body);
    function->body_end.begin = function->body_end.end = body_range.end;
    struct block *entry = cfg_new_block(&lowerer.cfg);
    lowerer.exit = cfg_new_block(&lowerer.cfg);
    lowerer.current = entry;
    lower_params(&lowerer, definition);
    if (!clang_Cursor_isNull(body))
        lower_compound(&lowerer, body, NULL);
    finish_function(&lowerer, entry);
    lowerer_dispose(&lowerer);
    /* A body that cannot reach its end never returns (`static void die(...) { ...; exit(1); }`):
     * calls to it end their path, as for a declared noreturn (callers lowered before are
     * lowered again, see relower_late_noreturn_callers). */
    if (function->exit->predecessor_count == 0)
        function->info->noreturn = true;
    return function;
}

struct tu_walk {
    struct frontend *frontend;
    struct model *model;
    struct arena *arena;
    struct vec functions;   /* struct ir_function * */
    struct vec definitions; /* CXCursor *, same order */
};

static enum CXChildVisitResult visit_definition(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct tu_walk *walk = data;
    if (cursor.kind == CXCursor_FunctionDecl && clang_isCursorDefinition(cursor) &&
        !frontend_is_system(cursor) &&
        !frontend_range_has_error(walk->frontend,
                                  frontend_cursor_range(walk->frontend, cursor))) {
        CXCursor *copy = ARENA_NEW(walk->arena, CXCursor);
        *copy = cursor;
        vec_push(&walk->definitions, copy);
        vec_push(&walk->functions, lower_function(walk->frontend, walk->model, walk->arena, cursor));
    }
    return CXChildVisit_Continue;
}

/* A call to a function found not to return only after this body was lowered (defined
 * later in the file), whose path therefore goes on. */
static bool calls_late_noreturn(const struct ir_function *function)
{
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++) {
            const struct inst *inst = &block->insts[i];
            bool ends_path = i + 1 == block->inst_count && block->terminator.kind == TERM_UNREACHABLE;
            if (inst->kind == INST_CALL && inst->call.callee && inst->call.callee->noreturn &&
                !ends_path)
                return true;
        }
    }
    return false;
}

/* Lowers again the few bodies that call such functions (a new round when that makes more
 * functions noreturn; bounded). */
static void relower_late_noreturn_callers(struct tu_walk *walk)
{
    for (int round = 0; round < 3; round++) {
        bool changed = false;
        for (size_t i = 0; i < walk->functions.count; i++) {
            if (!calls_late_noreturn(walk->functions.items[i]))
                continue;
            CXCursor *definition = walk->definitions.items[i];
            walk->functions.items[i] = lower_function(walk->frontend, walk->model, walk->arena,
                                                      *definition);
            changed = true;
        }
        if (!changed)
            return;
    }
}

struct ir_tu *lower_tu(struct frontend *frontend, struct model *model, struct arena *arena)
{
    struct ir_tu *tu = ARENA_NEW(arena, struct ir_tu);
    tu->main_file = frontend->main_file;
    tu->model = model;
    tu->arena = arena;
    struct tu_walk walk = {frontend, model, arena, {0, 0, NULL}, {0, 0, NULL}};
    clang_visitChildren(clang_getTranslationUnitCursor(frontend->tu), visit_definition, &walk);
    relower_late_noreturn_callers(&walk);
    tu->function_count = (unsigned)walk.functions.count;
    tu->functions = ARENA_ARRAY(arena, struct ir_function *, tu->function_count + 1);
    for (unsigned i = 0; i < tu->function_count; i++)
        tu->functions[i] = walk.functions.items[i];
    vec_free(&walk.functions);
    vec_free(&walk.definitions);
    tu->global_count = (unsigned)model->global_list.count;
    tu->globals = ARENA_ARRAY(arena, const struct var *, tu->global_count + 1);
    for (unsigned i = 0; i < tu->global_count; i++)
        tu->globals[i] = model->global_list.items[i];
    return tu;
}
