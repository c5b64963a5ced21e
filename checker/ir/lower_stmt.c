/* Statements and their control flow: blocks, declarations, if, loops, switch, goto,
 * labels, break, continue, return. Scopes end (SCOPE_END) at a block's closing brace and
 * when break/continue/goto leave them; a return ends every local implicitly. */
#include <string.h>

#include "ir/lower_internal.h"
#include "support/arena.h"

static void lower_var_decl(struct lowerer *lowerer, CXCursor decl)
{
    if (clang_Cursor_getStorageClass(decl) == CX_SC_Extern)
        return; /* names a global */
    const struct var *var = lower_var(lowerer, decl);
    lower_declare(lowerer, var);
    lower_note_cleanup(lowerer, var, decl);
    if (var->kind == VAR_STATIC_LOCAL)
        return; /* initialized once, before the program runs */
    /* Not "the last child": `int a[n];` has the size expression as a child. */
    CXCursor init = clang_Cursor_getVarDeclInitializer(decl);
    if (clang_getCanonicalType(clang_getCursorType(decl)).kind == CXType_VariableArray) {
        struct children children = lower_children(lowerer, decl); /* `n` is read here */
        for (unsigned i = 0; i < children.count; i++)
            if (clang_isExpression(children.items[i].kind) && !clang_equalCursors(children.items[i], init))
                lower_expr(lowerer, children.items[i]);
    }
    if (!clang_Cursor_isNull(init) && clang_isExpression(init.kind))
        lower_initialize(lowerer, lower_var_path(lowerer, var), init, lower_range(lowerer, decl));
}

static void lower_decl_stmt(struct lowerer *lowerer, CXCursor statement)
{
    struct children children = lower_children(lowerer, statement);
    for (unsigned i = 0; i < children.count; i++) {
        CXCursor decl = children.items[i];
        if (decl.kind == CXCursor_VarDecl)
            lower_var_decl(lowerer, decl);
        else if (decl.kind == CXCursor_FunctionDecl)
            model_function_for_decl(lowerer->model, decl);
    }
}

static void lower_return(struct lowerer *lowerer, CXCursor statement)
{
    struct source_range range = lower_range(lowerer, statement);
    struct children children = lower_children(lowerer, statement);
    struct value value = lower_value(VALUE_NONE, range);
    if (children.count >= 1)
        value = lower_expr(lowerer, children.items[0]);
    lower_run_all_cleanups(lowerer, range); /* after the value, before leaving */
    struct block *block = lowerer->current;
    block->terminator.kind = TERM_RETURN;
    block->terminator.range = range;
    block->terminator.value = value;
    cfg_add_edge(&lowerer->cfg, block, lowerer->exit, false, 0);
    lowerer->current = cfg_new_block(&lowerer->cfg);
}

static void lower_if(struct lowerer *lowerer, CXCursor statement)
{
    struct children children = lower_children(lowerer, statement);
    if (children.count < 2)
        return;
    struct block *then_block = cfg_new_block(&lowerer->cfg), *join = cfg_new_block(&lowerer->cfg);
    struct block *else_block = children.count >= 3 ? cfg_new_block(&lowerer->cfg) : join;
    lower_condition(lowerer, children.items[0], then_block, else_block);
    lowerer->current = then_block;
    lower_statement(lowerer, children.items[1]);
    lower_continue_in(lowerer, join);
    if (children.count >= 3) {
        lowerer->current = else_block;
        lower_statement(lowerer, children.items[2]);
        lower_continue_in(lowerer, join);
    }
    lowerer->current = join;
}

/* Runs a loop body with break/continue pointing at the given blocks. */
static void lower_loop_body(struct lowerer *lowerer, CXCursor body, struct block *break_to,
                            struct block *continue_to)
{
    struct jump_target saved_break = lowerer->break_target, saved_continue = lowerer->continue_target;
    lowerer->break_target = (struct jump_target){break_to, lowerer->scope};
    lowerer->continue_target = (struct jump_target){continue_to, lowerer->scope};
    lower_statement(lowerer, body);
    lowerer->break_target = saved_break;
    lowerer->continue_target = saved_continue;
}

static void lower_while(struct lowerer *lowerer, CXCursor statement)
{
    struct children children = lower_children(lowerer, statement);
    if (children.count < 2)
        return;
    struct block *header = cfg_new_block(&lowerer->cfg), *body = cfg_new_block(&lowerer->cfg);
    struct block *done = cfg_new_block(&lowerer->cfg);
    lower_continue_in(lowerer, header);
    lower_condition(lowerer, children.items[0], body, done);
    lowerer->current = body;
    lower_loop_body(lowerer, children.items[1], done, header);
    lower_continue_in(lowerer, header);
    lowerer->current = done;
}

static void lower_do(struct lowerer *lowerer, CXCursor statement)
{
    struct children children = lower_children(lowerer, statement);
    if (children.count < 2)
        return;
    struct block *body = cfg_new_block(&lowerer->cfg), *test = cfg_new_block(&lowerer->cfg);
    struct block *done = cfg_new_block(&lowerer->cfg);
    lower_continue_in(lowerer, body);
    lower_loop_body(lowerer, children.items[0], done, test);
    lower_continue_in(lowerer, test);
    lower_condition(lowerer, children.items[1], body, done);
    lowerer->current = done;
}

/* ---- for: which children are init, condition and increment ------------------------------ */

struct for_parts {
    CXCursor init, condition, increment, body;
};

/* Offsets of the two ';' of `for (a; b; c)` in the file text at `offset`, or false. */
static bool for_semicolons(CXTranslationUnit tu, CXFile file, unsigned offset, unsigned *first,
                           unsigned *second, unsigned *close)
{
    size_t length = 0;
    const char *text = file ? clang_getFileContents(tu, file, &length) : NULL;
    if (!text || offset + 3 > length || strncmp(text + offset, "for", 3) != 0)
        return false;
    size_t i = offset + 3;
    while (i < length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        i++;
    if (i >= length || text[i] != '(')
        return false;
    int depth = 0, found = 0;
    for (; i < length; i++) {
        char c = text[i];
        if (c == '"' || c == '\'') {
            for (i++; i < length && text[i] != c; i++)
                if (text[i] == '\\')
                    i++;
        } else if (c == '/' && i + 1 < length && text[i + 1] == '*') {
            for (i += 2; i + 1 < length && !(text[i] == '*' && text[i + 1] == '/'); i++)
                ;
            i++;
        } else if (c == '/' && i + 1 < length && text[i + 1] == '/') {
            while (i < length && text[i] != '\n')
                i++;
        } else if (c == '(') {
            depth++;
        } else if (c == ')') {
            if (--depth == 0) {
                *close = (unsigned)i;
                return found == 2;
            }
        } else if (c == ';' && depth == 1 && found < 2) {
            *(found++ == 0 ? first : second) = (unsigned)i;
        }
    }
    return false;
}

static bool classify_by_text(CXCursor statement, struct children header, struct for_parts *parts)
{
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(statement);
    CXFile file;
    unsigned offset, first, second, close;
    clang_getSpellingLocation(clang_getCursorLocation(statement), &file, NULL, NULL, &offset);
    if (!for_semicolons(tu, file, offset, &first, &second, &close))
        return false;
    for (unsigned i = 0; i < header.count; i++) {
        CXFile child_file;
        unsigned child_offset;
        clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(header.items[i])),
                                  &child_file, NULL, NULL, &child_offset);
        if (!clang_File_isEqual(child_file, file) || child_offset <= offset || child_offset > close)
            return false;
        CXCursor *slot = child_offset < first ? &parts->init
                       : child_offset < second ? &parts->condition : &parts->increment;
        if (!clang_Cursor_isNull(*slot))
            return false;
        *slot = header.items[i];
    }
    return true;
}

static bool looks_like_test(CXCursor cursor)
{
    if (cursor.kind != CXCursor_BinaryOperator)
        return cursor.kind != CXCursor_CompoundAssignOperator && cursor.kind != CXCursor_UnaryOperator;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(cursor);
    return op != CXBinaryOperator_Assign && op != CXBinaryOperator_Comma;
}

/* For a `for` inside a macro whose parts come from macro arguments, the text cannot tell:
 * guess from the shapes (a declaration or assignment first, a test, then a step). */
static void classify_by_shape(struct children header, struct for_parts *parts)
{
    if (header.count == 3) {
        parts->init = header.items[0];
        parts->condition = header.items[1];
        parts->increment = header.items[2];
    } else if (header.count == 2) {
        if (header.items[0].kind == CXCursor_DeclStmt || !looks_like_test(header.items[0])) {
            parts->init = header.items[0];
            if (looks_like_test(header.items[1]))
                parts->condition = header.items[1];
            else
                parts->increment = header.items[1];
        } else {
            parts->condition = header.items[0];
            parts->increment = header.items[1];
        }
    } else if (header.count == 1) {
        CXCursor only = header.items[0];
        if (only.kind == CXCursor_DeclStmt)
            parts->init = only;
        else if (looks_like_test(only))
            parts->condition = only;
        else if (only.kind == CXCursor_UnaryOperator || only.kind == CXCursor_CompoundAssignOperator)
            parts->increment = only;
        else
            parts->init = only;
    }
}

static struct for_parts for_parts_of(struct lowerer *lowerer, CXCursor statement)
{
    struct for_parts parts = {clang_getNullCursor(), clang_getNullCursor(), clang_getNullCursor(),
                              clang_getNullCursor()};
    struct children children = lower_children(lowerer, statement);
    if (children.count == 0)
        return parts;
    parts.body = children.items[children.count - 1];
    struct children header = {children.count - 1, children.items};
    if (!classify_by_text(statement, header, &parts)) {
        parts.init = parts.condition = parts.increment = clang_getNullCursor();
        classify_by_shape(header, &parts);
    }
    return parts;
}

static void lower_optional(struct lowerer *lowerer, CXCursor cursor)
{
    if (!clang_Cursor_isNull(cursor))
        lower_statement(lowerer, cursor);
}

static void lower_for(struct lowerer *lowerer, CXCursor statement)
{
    struct for_parts parts = for_parts_of(lowerer, statement);
    if (clang_Cursor_isNull(parts.body))
        return;
    struct source_range range = lower_range(lowerer, statement);
    lower_scope_push(lowerer); /* `for (int i = ...)` */
    lower_optional(lowerer, parts.init);
    struct block *header = cfg_new_block(&lowerer->cfg), *body = cfg_new_block(&lowerer->cfg);
    struct block *step = cfg_new_block(&lowerer->cfg), *done = cfg_new_block(&lowerer->cfg);
    lower_continue_in(lowerer, header);
    if (clang_Cursor_isNull(parts.condition))
        lower_jump(lowerer, body);
    else
        lower_condition(lowerer, parts.condition, body, done);
    lowerer->current = body;
    lower_loop_body(lowerer, parts.body, done, step);
    lower_continue_in(lowerer, step);
    lower_optional(lowerer, parts.increment);
    lower_continue_in(lowerer, header);
    lowerer->current = done;
    struct source_range end = {range.end, range.end};
    lower_scope_pop(lowerer, end, true);
}

/* ---- switch ------------------------------------------------------------------------------ */

static void lower_switch(struct lowerer *lowerer, CXCursor statement)
{
    struct children children = lower_children(lowerer, statement);
    if (children.count < 2)
        return;
    struct source_range range = lower_range(lowerer, lower_strip(lowerer, children.items[0]));
    struct value tested = lower_expr(lowerer, children.items[0]);
    struct block *block = lowerer->current, *done = cfg_new_block(&lowerer->cfg);
    block->terminator.kind = TERM_SWITCH;
    block->terminator.range = range;
    block->terminator.condition.tested = tested;
    struct switch_context context = {block, false, lowerer->switch_context};
    lowerer->switch_context = &context;
    lowerer->current = cfg_new_block(&lowerer->cfg); /* code before the first case: dead */
    struct jump_target saved_break = lowerer->break_target;
    lowerer->break_target = (struct jump_target){done, lowerer->scope};
    lower_statement(lowerer, children.items[children.count - 1]);
    lowerer->break_target = saved_break;
    lowerer->switch_context = context.outer;
    lower_continue_in(lowerer, done);
    if (!context.has_default)
        cfg_add_edge(&lowerer->cfg, block, done, true, 0); /* no case matched */
}

static bool case_value(CXCursor expr, long long *value)
{
    CXEvalResult result = clang_Cursor_Evaluate(expr);
    if (!result)
        return false;
    bool ok = clang_EvalResult_getKind(result) == CXEval_Int;
    if (ok)
        *value = clang_EvalResult_isUnsignedInt(result)
                     ? (long long)clang_EvalResult_getAsUnsigned(result)
                     : clang_EvalResult_getAsLongLong(result);
    clang_EvalResult_dispose(result);
    return ok;
}

#define CASE_RANGE_EDGES 64

static void lower_case(struct lowerer *lowerer, CXCursor statement, bool is_default)
{
    struct children children = lower_children(lowerer, statement);
    if (children.count == 0)
        return;
    struct block *target = cfg_new_block(&lowerer->cfg);
    struct switch_context *context = lowerer->switch_context;
    if (context) {
        if (is_default) {
            context->has_default = true;
            cfg_add_edge(&lowerer->cfg, context->block, target, true, 0);
        } else {
            long long low = 0, high = 0;
            bool known = case_value(children.items[0], &low);
            high = low;
            if (children.count >= 3 && !case_value(children.items[1], &high))
                high = low; /* GNU case range `case 1 ... 5:` */
            if (!known)
                cfg_add_edge(&lowerer->cfg, context->block, target, false, 0);
            for (long long v = low; known && v <= high && v - low < CASE_RANGE_EDGES; v++)
                cfg_add_edge(&lowerer->cfg, context->block, target, false, v);
        }
    }
    lower_continue_in(lowerer, target); /* fall-through from the case above */
    lower_statement(lowerer, children.items[children.count - 1]);
}

/* ---- jumps ---------------------------------------------------------------------------------- */

static struct label *label_named(struct lowerer *lowerer, const char *name)
{
    struct label *label = strmap_get(&lowerer->labels, name);
    if (!label) {
        label = ARENA_NEW(lowerer->arena, struct label);
        label->block = cfg_new_block(&lowerer->cfg);
        strmap_put(&lowerer->labels, arena_strdup(lowerer->arena, name), label);
    }
    return label;
}

static void lower_label(struct lowerer *lowerer, CXCursor statement)
{
    char *name = frontend_take_string(lowerer->arena, clang_getCursorSpelling(statement));
    struct label *label = label_named(lowerer, name);
    label->defined = true;
    label->snapshot = lower_snapshot(lowerer);
    lower_continue_in(lowerer, label->block);
    struct children children = lower_children(lowerer, statement);
    if (children.count)
        lower_statement(lowerer, children.items[children.count - 1]);
}

static enum CXChildVisitResult find_label_ref(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (cursor.kind == CXCursor_LabelRef) {
        *(CXCursor *)data = cursor;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

static void lower_goto(struct lowerer *lowerer, CXCursor statement)
{
    CXCursor ref = clang_getNullCursor();
    clang_visitChildren(statement, find_label_ref, &ref);
    if (clang_Cursor_isNull(ref))
        return;
    char *name = frontend_take_string(lowerer->arena, clang_getCursorSpelling(ref));
    struct pending_goto *jump = ARENA_NEW(lowerer->arena, struct pending_goto);
    jump->block = lowerer->current;
    jump->snapshot = lower_snapshot(lowerer);
    jump->label = label_named(lowerer, name);
    jump->range = lower_range(lowerer, statement);
    vec_push(&lowerer->gotos, jump);
    lowerer->current = cfg_new_block(&lowerer->cfg); /* the edge is added once labels are known */
}

static void lower_indirect_goto(struct lowerer *lowerer, CXCursor statement)
{
    struct children children = lower_children(lowerer, statement);
    if (children.count)
        lower_expr(lowerer, children.items[0]);
    vec_push(&lowerer->indirect_gotos, lowerer->current);
    lowerer->current = cfg_new_block(&lowerer->cfg);
}

static void lower_break_or_continue(struct lowerer *lowerer, CXCursor statement,
                                    const struct jump_target *target)
{
    if (!target->block)
        return; /* outside any loop: clang rejected it already */
    lower_end_scopes_until(lowerer, target->scope, lower_range(lowerer, statement));
    lower_jump(lowerer, target->block);
}

/* ---- blocks ----------------------------------------------------------------------------------- */

void lower_compound(struct lowerer *lowerer, CXCursor compound, struct value *value)
{
    struct source_range range = lower_range(lowerer, compound);
    struct children children = lower_children(lowerer, compound);
    bool is_body = lowerer->scope == NULL;
    lower_scope_push(lowerer);
    for (unsigned i = 0; i < children.count; i++) {
        CXCursor child = children.items[i];
        if (value && i + 1 == children.count && clang_isExpression(child.kind))
            *value = lower_expr(lowerer, child);
        else
            lower_statement(lowerer, child);
    }
    /* The closing brace ends the block's locals; the function body's end is a return. */
    struct source_range end = {range.end, range.end};
    if (is_body)
        lower_run_all_cleanups(lowerer, end);
    lower_scope_pop(lowerer, end, !is_body);
}

void lower_statement(struct lowerer *lowerer, CXCursor statement)
{
    switch (statement.kind) {
    case CXCursor_CompoundStmt: lower_compound(lowerer, statement, NULL); break;
    case CXCursor_DeclStmt: lower_decl_stmt(lowerer, statement); break;
    case CXCursor_ReturnStmt: lower_return(lowerer, statement); break;
    case CXCursor_IfStmt: lower_if(lowerer, statement); break;
    case CXCursor_WhileStmt: lower_while(lowerer, statement); break;
    case CXCursor_DoStmt: lower_do(lowerer, statement); break;
    case CXCursor_ForStmt: lower_for(lowerer, statement); break;
    case CXCursor_SwitchStmt: lower_switch(lowerer, statement); break;
    case CXCursor_CaseStmt: lower_case(lowerer, statement, false); break;
    case CXCursor_DefaultStmt: lower_case(lowerer, statement, true); break;
    case CXCursor_LabelStmt: lower_label(lowerer, statement); break;
    case CXCursor_GotoStmt: lower_goto(lowerer, statement); break;
    case CXCursor_IndirectGotoStmt: lower_indirect_goto(lowerer, statement); break;
    case CXCursor_BreakStmt: lower_break_or_continue(lowerer, statement, &lowerer->break_target); break;
    case CXCursor_ContinueStmt:
        lower_break_or_continue(lowerer, statement, &lowerer->continue_target);
        break;
    case CXCursor_NullStmt: case CXCursor_GCCAsmStmt: case CXCursor_MSAsmStmt:
    case CXCursor_StaticAssert:
        break;
    default:
        if (clang_isExpression(statement.kind))
            lower_expr(lowerer, statement);
        break;
    }
}
