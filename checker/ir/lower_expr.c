/* Expressions: evaluation order kept, a READ before every rvalue use of an lvalue, WRITEs
 * for stores, a CALL (with a fresh temp) per call. Pointer bases of `p->f`, `*p`, `p[i]`
 * are not READ separately: a READ/WRITE of a path implies reading its pointers. */
#include <string.h>

#include "ir/lower_internal.h"
#include "support/arena.h"

static struct value path_value(enum value_kind kind, const struct path *path, struct source_range range)
{
    struct value value = lower_value(path ? kind : VALUE_OTHER, range);
    value.path = path;
    return value;
}

static CXCursor only_child(struct lowerer *lowerer, CXCursor cursor, bool *found)
{
    struct children children = lower_children(lowerer, cursor);
    *found = children.count == 1 && clang_isExpression(children.items[0].kind);
    return *found ? children.items[0] : clang_getNullCursor();
}

/* The operand of a cast: its last expression child (a C cast may list type references). */
static CXCursor cast_operand(struct lowerer *lowerer, CXCursor cast, bool *found)
{
    struct children children = lower_children(lowerer, cast);
    for (unsigned i = children.count; i > 0; i--) {
        if (clang_isExpression(children.items[i - 1].kind)) {
            *found = true;
            return children.items[i - 1];
        }
    }
    *found = false;
    return clang_getNullCursor();
}

CXCursor lower_strip(struct lowerer *lowerer, CXCursor expr)
{
    for (;;) {
        bool found = false;
        CXCursor inner = clang_getNullCursor();
        if (expr.kind == CXCursor_ParenExpr || expr.kind == CXCursor_UnexposedExpr)
            inner = only_child(lowerer, expr, &found);
        else if (expr.kind == CXCursor_CStyleCastExpr)
            inner = cast_operand(lowerer, expr, &found);
        if (!found)
            return expr;
        expr = inner;
    }
}

static enum CXTypeKind canonical_kind(CXCursor cursor)
{
    return clang_getCanonicalType(clang_getCursorType(cursor)).kind;
}

static bool is_array_kind(enum CXTypeKind kind)
{
    return kind == CXType_ConstantArray || kind == CXType_IncompleteArray ||
           kind == CXType_VariableArray || kind == CXType_DependentSizedArray;
}

static bool is_pointer_kind(enum CXTypeKind kind)
{
    return kind == CXType_Pointer || kind == CXType_BlockPointer;
}

static bool is_function_kind(enum CXTypeKind kind)
{
    return kind == CXType_FunctionProto || kind == CXType_FunctionNoProto;
}

bool lower_constant(CXCursor expr, long long *value)
{
    if (expr.kind != CXCursor_IntegerLiteral && expr.kind != CXCursor_CharacterLiteral)
        return false;
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

/* ---- pointers and lvalues --------------------------------------------------------------- */

static bool is_lvalue_cursor(struct lowerer *lowerer, CXCursor expr)
{
    switch (expr.kind) {
    case CXCursor_DeclRefExpr: {
        enum CXCursorKind ref = clang_getCursorReferenced(expr).kind;
        return ref == CXCursor_VarDecl || ref == CXCursor_ParmDecl;
    }
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr:
        return true;
    case CXCursor_UnaryOperator:
        return clang_getCursorUnaryOperatorKind(expr) == CXUnaryOperator_Deref;
    default:
        (void)lowerer;
        return false;
    }
}

/* The value of a pointer-typed expression used as a base (`p` in p->f, *p, p[i]): a LOAD
 * of the pointer's path without a READ, or the ADDRESS of an array or object. */
static struct value pointer_value(struct lowerer *lowerer, CXCursor expr)
{
    struct source_range range = lower_range(lowerer, expr);
    bool found = false;
    CXCursor inner = clang_getNullCursor();
    if (expr.kind == CXCursor_ParenExpr || expr.kind == CXCursor_UnexposedExpr)
        inner = only_child(lowerer, expr, &found);
    else if (expr.kind == CXCursor_CStyleCastExpr)
        inner = cast_operand(lowerer, expr, &found);
    if (found) {
        enum CXTypeKind kind = canonical_kind(inner);
        if (is_array_kind(kind))
            return path_value(VALUE_ADDRESS, lower_lvalue(lowerer, inner), range);
        if (is_pointer_kind(kind))
            return pointer_value(lowerer, inner);
        return lower_expr(lowerer, expr);
    }
    if (is_lvalue_cursor(lowerer, expr)) {
        enum CXTypeKind kind = canonical_kind(expr);
        const struct path *path = lower_lvalue(lowerer, expr);
        return path_value(is_array_kind(kind) ? VALUE_ADDRESS : VALUE_LOAD, path, range);
    }
    return lower_expr(lowerer, expr);
}

/* The object a pointer value designates, as a path: *p for LOAD p, x for ADDRESS x. */
static const struct path *pointee_path(struct lowerer *lowerer, struct value pointer,
                                       const struct type_info *type, long index, bool *is_object)
{
    *is_object = pointer.kind == VALUE_ADDRESS;
    if (pointer.kind == VALUE_ADDRESS)
        return pointer.path;
    if (pointer.kind != VALUE_LOAD || !pointer.path)
        return NULL;
    /* *(p + 1): the offset is gone from the value, so the element is unknown. */
    struct step step = {STEP_DEREF, NULL, pointer.derived ? INDEX_UNKNOWN : index, type};
    return path_append(lowerer->arena, pointer.path, step);
}

static const struct path *lower_member(struct lowerer *lowerer, CXCursor expr)
{
    struct children children = lower_children(lowerer, expr);
    if (children.count == 0)
        return NULL;
    CXCursor base = children.items[0];
    CXCursor field_decl = clang_getCursorReferenced(expr);
    const struct field_info *field =
        field_decl.kind == CXCursor_FieldDecl ? model_field(lowerer->model, field_decl) : NULL;
    const struct path *object;
    CXType base_type = clang_getCanonicalType(clang_getCursorType(base));
    if (is_pointer_kind(base_type.kind)) {
        bool is_object;
        const struct type_info *pointee = model_type(lowerer->model, clang_getPointeeType(base_type));
        object = pointee_path(lowerer, pointer_value(lowerer, base), pointee, 0, &is_object);
    } else {
        object = lower_lvalue(lowerer, base);
    }
    if (!object)
        return NULL;
    struct step step = {STEP_FIELD, field, 0, lower_type(lowerer, expr)};
    return path_append(lowerer->arena, object, step);
}

static const struct path *lower_subscript(struct lowerer *lowerer, CXCursor expr)
{
    struct children children = lower_children(lowerer, expr);
    if (children.count != 2)
        return NULL;
    CXCursor base = children.items[0], index = children.items[1];
    if (!is_pointer_kind(canonical_kind(base)) && !is_array_kind(canonical_kind(base))) {
        base = children.items[1]; /* i[a] */
        index = children.items[0];
    }
    const struct type_info *element = lower_type(lowerer, expr);
    struct value pointer = pointer_value(lowerer, base);
    struct value index_value = lower_expr(lowerer, index);
    long position = index_value.kind == VALUE_INTEGER ? (long)index_value.integer : INDEX_UNKNOWN;
    bool is_object;
    const struct path *object = pointee_path(lowerer, pointer, element, position, &is_object);
    if (!object || !is_object)
        return object; /* p[i] is a dereference of p */
    struct step step = {STEP_INDEX, NULL, position, element};
    return path_append(lowerer->arena, object, step);
}

static const struct path *lower_deref_lvalue(struct lowerer *lowerer, CXCursor expr)
{
    struct children children = lower_children(lowerer, expr);
    if (children.count != 1)
        return NULL;
    const struct type_info *type = lower_type(lowerer, expr);
    bool is_object;
    const struct path *object =
        pointee_path(lowerer, pointer_value(lowerer, children.items[0]), type, 0, &is_object);
    if (object && is_object && object->type && object->type->kind == TYPE_ARRAY) {
        struct step step = {STEP_INDEX, NULL, 0, type}; /* *arr is arr[0] */
        return path_append(lowerer->arena, object, step);
    }
    return object;
}

const struct path *lower_lvalue(struct lowerer *lowerer, CXCursor expr)
{
    bool found;
    switch (expr.kind) {
    case CXCursor_ParenExpr:
    case CXCursor_UnexposedExpr: {
        CXCursor inner = only_child(lowerer, expr, &found);
        if (found)
            return lower_lvalue(lowerer, inner);
        break;
    }
    case CXCursor_CStyleCastExpr: {
        CXCursor inner = cast_operand(lowerer, expr, &found);
        if (found)
            return lower_lvalue(lowerer, inner);
        break;
    }
    case CXCursor_DeclRefExpr: {
        CXCursor decl = clang_getCursorReferenced(expr);
        if (decl.kind == CXCursor_VarDecl || decl.kind == CXCursor_ParmDecl)
            return lower_var_path(lowerer, lower_var(lowerer, decl));
        return NULL;
    }
    case CXCursor_MemberRefExpr:
        return lower_member(lowerer, expr);
    case CXCursor_ArraySubscriptExpr:
        return lower_subscript(lowerer, expr);
    case CXCursor_UnaryOperator:
        if (clang_getCursorUnaryOperatorKind(expr) == CXUnaryOperator_Deref)
            return lower_deref_lvalue(lowerer, expr);
        break;
    default:
        break;
    }
    lower_expr(lowerer, expr); /* not a path (a call result, a literal): effects only */
    return NULL;
}

/* An rvalue use of an lvalue: READ then LOAD (arrays decay to their address). */
static struct value use_path(struct lowerer *lowerer, const struct path *path, struct source_range range)
{
    if (!path)
        return lower_value(VALUE_OTHER, range);
    if (path->type && path->type->kind == TYPE_ARRAY)
        return path_value(VALUE_ADDRESS, path, range);
    if (path->type && path->type->kind == TYPE_FUNCTION)
        return lower_value(VALUE_OTHER, range);
    lower_read(lowerer, path, range);
    return path_value(VALUE_LOAD, path, range);
}

/* ---- operators --------------------------------------------------------------------------- */

static bool same_extent(CXCursor a, CXCursor b)
{
    return clang_equalRanges(clang_getCursorExtent(a), clang_getCursorExtent(b)) != 0;
}

/* GNU `a ?: b` shows as an unexposed expression with children [a, a, a, b] (the condition
 * and the true value are opaque copies of a): evaluate a once, then b only when a is 0. */
static bool lower_elvis(struct lowerer *lowerer, CXCursor expr, struct value *result)
{
    struct children children = lower_children(lowerer, expr);
    if (children.count != 4 || children.items[1].kind != children.items[0].kind ||
        children.items[2].kind != children.items[0].kind ||
        !same_extent(children.items[0], children.items[1]) ||
        !same_extent(children.items[0], children.items[2]))
        return false;
    struct source_range range = lower_range(lowerer, expr);
    struct value first = lower_expr(lowerer, children.items[0]);
    struct block *if_false = cfg_new_block(&lowerer->cfg), *join = cfg_new_block(&lowerer->cfg);
    struct block *block = lowerer->current;
    block->terminator.kind = TERM_BRANCH;
    block->terminator.range = range;
    if (first.kind == VALUE_LOAD || first.kind == VALUE_TEMP)
        block->terminator.condition = (struct condition){true, first, COMPARE_NE, 0};
    cfg_add_edge(&lowerer->cfg, block, join, false, 0);
    cfg_add_edge(&lowerer->cfg, block, if_false, false, 0);
    lowerer->current = if_false;
    lower_expr(lowerer, children.items[3]);
    lower_continue_in(lowerer, join);
    *result = lower_value(VALUE_OTHER, range);
    return true;
}

static struct value lower_generic(struct lowerer *lowerer, CXCursor expr)
{
    struct children children = lower_children(lowerer, expr);
    for (unsigned i = 0; i < children.count; i++)
        if (clang_isExpression(children.items[i].kind))
            lower_expr(lowerer, children.items[i]);
    return lower_value(VALUE_OTHER, lower_range(lowerer, expr));
}

/* An implicit cast spans its operand exactly: its range is the operand's, not computed
 * again (locations are the lowering's main cost). */
static struct value lower_cast(struct lowerer *lowerer, CXCursor expr, CXCursor operand, bool implicit)
{
    enum CXTypeKind to = canonical_kind(expr), from = canonical_kind(operand);
    struct value value;
    if (is_array_kind(from) && !is_array_kind(to)) {
        struct source_range range = lower_range(lowerer, expr);
        CXCursor stripped = lower_strip(lowerer, operand);
        if (stripped.kind == CXCursor_StringLiteral)
            return lower_value(VALUE_STRING, range);
        return path_value(VALUE_ADDRESS, lower_lvalue(lowerer, operand), range);
    }
    value = lower_expr(lowerer, operand);
    if (is_pointer_kind(to) && value.kind == VALUE_INTEGER && value.integer == 0)
        value.kind = VALUE_NULL;
    if (!implicit)
        value.range = lower_range(lowerer, expr);
    return value;
}

/* The value left by ++/--/+=: a pointer still points into the same object. */
static struct value stepped_value(const struct path *path, struct source_range range)
{
    if (path && path->type && path->type->kind == TYPE_POINTER) {
        struct value value = path_value(VALUE_LOAD, path, range);
        value.derived = true;
        return value;
    }
    return lower_value(VALUE_OTHER, range);
}

static struct value lower_increment(struct lowerer *lowerer, CXCursor expr, CXCursor operand)
{
    struct source_range range = lower_range(lowerer, expr);
    const struct path *path = lower_lvalue(lowerer, operand);
    lower_read(lowerer, path, range);
    struct value stored = stepped_value(path, range);
    lower_write(lowerer, path, stored, true, range);
    return stored;
}

static struct value lower_unary(struct lowerer *lowerer, CXCursor expr)
{
    struct source_range range = lower_range(lowerer, expr);
    struct children children = lower_children(lowerer, expr);
    if (children.count != 1)
        return lower_generic(lowerer, expr);
    CXCursor operand = children.items[0];
    switch (clang_getCursorUnaryOperatorKind(expr)) {
    case CXUnaryOperator_AddrOf: {
        CXCursor stripped = lower_strip(lowerer, operand);
        if (stripped.kind == CXCursor_DeclRefExpr &&
            clang_getCursorReferenced(stripped).kind == CXCursor_FunctionDecl)
            return lower_expr(lowerer, stripped);
        return path_value(VALUE_ADDRESS, lower_lvalue(lowerer, operand), range);
    }
    case CXUnaryOperator_Deref:
        if (is_function_kind(canonical_kind(expr)))
            return lower_expr(lowerer, operand);
        return use_path(lowerer, lower_lvalue(lowerer, expr), range);
    case CXUnaryOperator_PostInc: case CXUnaryOperator_PostDec:
    case CXUnaryOperator_PreInc: case CXUnaryOperator_PreDec:
        return lower_increment(lowerer, expr, operand);
    case CXUnaryOperator_Minus: {
        struct value value = lower_expr(lowerer, operand);
        if (value.kind == VALUE_INTEGER) {
            value.integer = -value.integer;
            value.range = range;
            return value;
        }
        return lower_value(VALUE_OTHER, range);
    }
    case CXUnaryOperator_Plus: case CXUnaryOperator_Extension: {
        struct value value = lower_expr(lowerer, operand);
        value.range = range;
        return value;
    }
    default:
        lower_expr(lowerer, operand);
        return lower_value(VALUE_OTHER, range);
    }
}

/* `a + i`, `p - 1`: an array's address gets an index; a pointer stays derived from its
 * source. */
static struct value lower_pointer_arithmetic(struct value pointer, struct value offset,
                                             struct lowerer *lowerer, struct source_range range)
{
    if (pointer.kind == VALUE_ADDRESS && pointer.path && pointer.path->type &&
        pointer.path->type->kind == TYPE_ARRAY) {
        struct step step = {STEP_INDEX, NULL,
                            offset.kind == VALUE_INTEGER ? (long)offset.integer : INDEX_UNKNOWN,
                            pointer.path->type->pointee};
        return path_value(VALUE_ADDRESS, path_append(lowerer->arena, pointer.path, step), range);
    }
    if (pointer.kind == VALUE_LOAD || pointer.kind == VALUE_ADDRESS) {
        pointer.derived = pointer.kind == VALUE_LOAD ? true : pointer.derived;
        pointer.range = range;
        return pointer;
    }
    return lower_value(VALUE_OTHER, range);
}

static struct value lower_logical_value(struct lowerer *lowerer, CXCursor expr)
{
    struct block *if_true = cfg_new_block(&lowerer->cfg), *if_false = cfg_new_block(&lowerer->cfg);
    struct block *join = cfg_new_block(&lowerer->cfg);
    lower_condition(lowerer, expr, if_true, if_false);
    lowerer->current = if_true;
    lower_continue_in(lowerer, join);
    lowerer->current = if_false;
    lower_continue_in(lowerer, join);
    return lower_value(VALUE_OTHER, lower_range(lowerer, expr));
}

static struct value lower_binary(struct lowerer *lowerer, CXCursor expr)
{
    struct source_range range = lower_range(lowerer, expr);
    struct children children = lower_children(lowerer, expr);
    if (children.count != 2)
        return lower_generic(lowerer, expr);
    CXCursor lhs = children.items[0], rhs = children.items[1];
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(expr);
    switch (op) {
    case CXBinaryOperator_Assign: {
        CXCursor literal = lower_compound_literal_list(lowerer, lower_strip(lowerer, rhs));
        if (!clang_Cursor_isNull(literal)) {
            /* `x = (struct s){.p = &y}`: member by member, like an initializer. */
            const struct path *target = lower_lvalue(lowerer, lhs);
            if (target)
                lower_initialize(lowerer, target, literal, range);
            else
                lower_expr(lowerer, rhs);
            return lower_value(VALUE_OTHER, range);
        }
        struct value value = lower_expr(lowerer, rhs);
        lower_write(lowerer, lower_lvalue(lowerer, lhs), value, false, range);
        return value;
    }
    case CXBinaryOperator_MulAssign: case CXBinaryOperator_DivAssign:
    case CXBinaryOperator_RemAssign: case CXBinaryOperator_AddAssign:
    case CXBinaryOperator_SubAssign: case CXBinaryOperator_ShlAssign:
    case CXBinaryOperator_ShrAssign: case CXBinaryOperator_AndAssign:
    case CXBinaryOperator_XorAssign: case CXBinaryOperator_OrAssign: {
        lower_expr(lowerer, rhs);
        const struct path *path = lower_lvalue(lowerer, lhs);
        lower_read(lowerer, path, range);
        struct value stored = stepped_value(path, range);
        lower_write(lowerer, path, stored, true, range);
        return stored;
    }
    case CXBinaryOperator_LAnd: case CXBinaryOperator_LOr:
        return lower_logical_value(lowerer, expr);
    case CXBinaryOperator_Comma:
        lower_expr(lowerer, lhs);
        return lower_expr(lowerer, rhs);
    case CXBinaryOperator_Add: case CXBinaryOperator_Sub: {
        struct value left = lower_expr(lowerer, lhs);
        struct value right = lower_expr(lowerer, rhs);
        bool left_pointer = is_pointer_kind(canonical_kind(lhs)) || is_array_kind(canonical_kind(lhs));
        bool right_pointer = is_pointer_kind(canonical_kind(rhs)) || is_array_kind(canonical_kind(rhs));
        if (left_pointer && !right_pointer)
            return lower_pointer_arithmetic(left, right, lowerer, range);
        if (right_pointer && !left_pointer && op == CXBinaryOperator_Add)
            return lower_pointer_arithmetic(right, left, lowerer, range);
        return lower_value(VALUE_OTHER, range);
    }
    default:
        lower_expr(lowerer, lhs);
        lower_expr(lowerer, rhs);
        return lower_value(VALUE_OTHER, range);
    }
}

static struct value lower_conditional(struct lowerer *lowerer, CXCursor expr)
{
    struct children children = lower_children(lowerer, expr);
    if (children.count != 3)
        return lower_generic(lowerer, expr);
    struct block *if_true = cfg_new_block(&lowerer->cfg), *if_false = cfg_new_block(&lowerer->cfg);
    struct block *join = cfg_new_block(&lowerer->cfg);
    lower_condition(lowerer, children.items[0], if_true, if_false);
    lowerer->current = if_true;
    struct value first = lower_expr(lowerer, children.items[1]);
    lower_continue_in(lowerer, join);
    lowerer->current = if_false;
    struct value second = lower_expr(lowerer, children.items[2]);
    lower_continue_in(lowerer, join);
    struct source_range range = lower_range(lowerer, expr);
    if (first.kind == second.kind && (first.kind == VALUE_LOAD || first.kind == VALUE_ADDRESS) &&
        path_equal(first.path, second.path)) {
        first.range = range;
        return first;
    }
    return lower_value(VALUE_OTHER, range);
}

static bool is_builtin_expect(const char *name)
{
    return strcmp(name, "__builtin_expect") == 0 ||
           strcmp(name, "__builtin_expect_with_probability") == 0;
}

static struct value lower_call(struct lowerer *lowerer, CXCursor expr)
{
    struct source_range range = lower_range(lowerer, expr);
    struct children children = lower_children(lowerer, expr);
    if (children.count == 0)
        return lower_value(VALUE_OTHER, range);
    CXCursor callee_expr = lower_strip(lowerer, children.items[0]);
    const struct function_info *callee = NULL;
    const struct value *callee_value = NULL;
    if (callee_expr.kind == CXCursor_DeclRefExpr) {
        CXCursor decl = clang_getCursorReferenced(callee_expr);
        if (decl.kind == CXCursor_FunctionDecl)
            callee = model_function_for_decl(lowerer->model, decl);
    }
    if (callee && is_builtin_expect(callee->name) && children.count >= 2) {
        struct value value = lower_expr(lowerer, children.items[1]);
        for (unsigned i = 2; i < children.count; i++)
            lower_expr(lowerer, children.items[i]);
        return value;
    }
    if (!callee) {
        struct value *value = ARENA_NEW(lowerer->arena, struct value);
        *value = lower_expr(lowerer, children.items[0]);
        callee_value = value;
    }
    unsigned arg_count = children.count - 1;
    struct value *args = ARENA_ARRAY(lowerer->arena, struct value, arg_count + 1);
    for (unsigned i = 0; i < arg_count; i++)
        args[i] = lower_expr(lowerer, children.items[i + 1]);
    struct inst *inst = lower_emit(lowerer, INST_CALL, range);
    inst->call.callee = callee;
    inst->call.callee_value = callee_value;
    inst->call.arg_count = arg_count;
    inst->call.args = args;
    inst->call.result_temp = lowerer->function->temp_count++;
    struct value result = lower_value(VALUE_TEMP, range);
    result.temp = inst->call.result_temp;
    if (callee && callee->noreturn)
        lower_unreachable(lowerer, range);
    return result;
}

static struct value lower_decl_ref(struct lowerer *lowerer, CXCursor expr)
{
    struct source_range range = lower_range(lowerer, expr);
    CXCursor decl = clang_getCursorReferenced(expr);
    switch (decl.kind) {
    case CXCursor_EnumConstantDecl: {
        struct value value = lower_value(VALUE_INTEGER, range);
        value.integer = clang_getEnumConstantDeclValue(decl);
        return value;
    }
    case CXCursor_FunctionDecl: {
        struct value value = lower_value(VALUE_FUNCTION, range);
        value.function = model_function_for_decl(lowerer->model, decl);
        return value;
    }
    case CXCursor_VarDecl: case CXCursor_ParmDecl:
        return use_path(lowerer, lower_var_path(lowerer, lower_var(lowerer, decl)), range);
    default:
        return lower_value(VALUE_OTHER, range);
    }
}

struct value lower_expr(struct lowerer *lowerer, CXCursor expr)
{
    bool found;
    switch (expr.kind) {
    case CXCursor_ParenExpr: {
        CXCursor inner = only_child(lowerer, expr, &found);
        return found ? lower_expr(lowerer, inner) : lower_generic(lowerer, expr);
    }
    case CXCursor_UnexposedExpr: {
        CXCursor inner = only_child(lowerer, expr, &found);
        if (found)
            return lower_cast(lowerer, expr, inner, true);
        struct value value;
        return lower_elvis(lowerer, expr, &value) ? value : lower_generic(lowerer, expr);
    }
    case CXCursor_CStyleCastExpr: {
        CXCursor inner = cast_operand(lowerer, expr, &found);
        return found ? lower_cast(lowerer, expr, inner, false) : lower_generic(lowerer, expr);
    }
    case CXCursor_DeclRefExpr:
        return lower_decl_ref(lowerer, expr);
    case CXCursor_MemberRefExpr: case CXCursor_ArraySubscriptExpr:
        return use_path(lowerer, lower_lvalue(lowerer, expr), lower_range(lowerer, expr));
    case CXCursor_UnaryOperator:
        return lower_unary(lowerer, expr);
    case CXCursor_BinaryOperator: case CXCursor_CompoundAssignOperator:
        return lower_binary(lowerer, expr);
    case CXCursor_ConditionalOperator:
        return lower_conditional(lowerer, expr);
    case CXCursor_CallExpr:
        return lower_call(lowerer, expr);
    case CXCursor_IntegerLiteral: case CXCursor_CharacterLiteral: {
        struct value value = lower_value(VALUE_INTEGER, lower_range(lowerer, expr));
        if (!lower_constant(expr, &value.integer))
            value.kind = VALUE_OTHER;
        return value;
    }
    case CXCursor_StringLiteral:
        return lower_value(VALUE_STRING, lower_range(lowerer, expr));
    case CXCursor_UnaryExpr:          /* sizeof, alignof: the operand is not evaluated */
    case CXCursor_GenericSelectionExpr:
    case CXCursor_AddrLabelExpr:
    case CXCursor_FloatingLiteral:
    case CXCursor_ImaginaryLiteral:
    case CXCursor_FixedPointLiteral:
        return lower_value(VALUE_OTHER, lower_range(lowerer, expr));
    case CXCursor_StmtExpr: {
        struct value value = lower_value(VALUE_NONE, lower_range(lowerer, expr));
        struct children children = lower_children(lowerer, expr);
        if (children.count == 1 && children.items[0].kind == CXCursor_CompoundStmt)
            lower_compound(lowerer, children.items[0], &value);
        return value;
    }
    default:
        return lower_generic(lowerer, expr);
    }
}
