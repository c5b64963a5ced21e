/* Conditions: `&&`, `||`, `!` and the comma become control flow; a comparison of a loaded
 * variable or a call's result with a constant stays visible to checks (trylock results,
 * MOVED_IF, spawn success); a constant condition becomes a plain jump, so `while (1)` has
 * no exit edge and `do { } while (0)` no back edge. */
#include <string.h>

#include "ir/lower_internal.h"

/* `k OP x` is `x OP' k`. */
static enum compare mirror(enum compare compare)
{
    switch (compare) {
    case COMPARE_LT: return COMPARE_GT;
    case COMPARE_LE: return COMPARE_GE;
    case COMPARE_GT: return COMPARE_LT;
    case COMPARE_GE: return COMPARE_LE;
    default: return compare;
    }
}

static bool comparison_of(enum CXBinaryOperatorKind op, enum compare *compare)
{
    switch (op) {
    case CXBinaryOperator_EQ: *compare = COMPARE_EQ; return true;
    case CXBinaryOperator_NE: *compare = COMPARE_NE; return true;
    case CXBinaryOperator_LT: *compare = COMPARE_LT; return true;
    case CXBinaryOperator_LE: *compare = COMPARE_LE; return true;
    case CXBinaryOperator_GT: *compare = COMPARE_GT; return true;
    case CXBinaryOperator_GE: *compare = COMPARE_GE; return true;
    default: return false;
    }
}

static bool is_constant(const struct value *value, long long *constant)
{
    if (value->kind == VALUE_INTEGER) {
        *constant = value->integer;
        return true;
    }
    if (value->kind == VALUE_NULL) {
        *constant = 0;
        return true;
    }
    return false;
}

static bool is_testable(const struct value *value)
{
    return value->kind == VALUE_LOAD || value->kind == VALUE_TEMP;
}

static void branch(struct lowerer *lowerer, struct condition condition, struct source_range range,
                   struct block *if_true, struct block *if_false)
{
    struct block *block = lowerer->current;
    block->terminator.kind = TERM_BRANCH;
    block->terminator.condition = condition;
    block->terminator.range = range;
    cfg_add_edge(&lowerer->cfg, block, if_true, false, 0);
    cfg_add_edge(&lowerer->cfg, block, if_false, false, 0);
    lowerer->current = cfg_new_block(&lowerer->cfg);
}

static void jump_on_constant(struct lowerer *lowerer, long long constant, bool negated,
                             struct block *if_true, struct block *if_false)
{
    bool holds = (constant != 0) != negated;
    lower_jump(lowerer, holds ? if_true : if_false);
}

/* A leaf: any value, compared with 0 unless it is a comparison with a constant. */
static void leaf_condition(struct lowerer *lowerer, CXCursor expr, bool negated,
                           struct block *if_true, struct block *if_false)
{
    struct source_range range = lower_range(lowerer, expr);
    struct condition condition = {false, lower_value(VALUE_NONE, range), COMPARE_NE, 0};
    enum compare compare;
    struct children children = lower_children(lowerer, expr);
    if (expr.kind == CXCursor_BinaryOperator && children.count == 2 &&
        comparison_of(clang_getCursorBinaryOperatorKind(expr), &compare)) {
        struct value left = lower_expr(lowerer, children.items[0]);
        struct value right = lower_expr(lowerer, children.items[1]);
        long long constant;
        if (is_testable(&left) && is_constant(&right, &constant)) {
            condition = (struct condition){true, left, compare, constant};
        } else if (is_testable(&right) && is_constant(&left, &constant)) {
            condition = (struct condition){true, right, mirror(compare), constant};
        } else if (is_constant(&left, &constant) && is_constant(&right, &condition.constant)) {
            long long a = constant, b = condition.constant;
            bool holds = compare == COMPARE_EQ ? a == b : compare == COMPARE_NE ? a != b
                       : compare == COMPARE_LT ? a < b : compare == COMPARE_LE ? a <= b
                       : compare == COMPARE_GT ? a > b : a >= b;
            jump_on_constant(lowerer, holds, negated, if_true, if_false);
            return;
        }
    } else {
        struct value value = lower_expr(lowerer, expr);
        long long constant;
        if (is_constant(&value, &constant)) {
            jump_on_constant(lowerer, constant, negated, if_true, if_false);
            return;
        }
        if (is_testable(&value))
            condition = (struct condition){true, value, COMPARE_NE, 0};
    }
    if (negated)
        condition.compare = compare_negate(condition.compare);
    branch(lowerer, condition, range, if_true, if_false);
}

static void condition_rec(struct lowerer *lowerer, CXCursor expr, bool negated,
                          struct block *if_true, struct block *if_false)
{
    CXCursor stripped = lower_strip(lowerer, expr);
    if (stripped.kind == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(stripped) == CXUnaryOperator_LNot) {
        struct children children = lower_children(lowerer, stripped);
        if (children.count == 1) {
            condition_rec(lowerer, children.items[0], !negated, if_true, if_false);
            return;
        }
    }
    if (stripped.kind == CXCursor_CallExpr) {
        /* __builtin_expect(cond, hint): the condition is the first argument. */
        CXCursor callee = clang_getCursorReferenced(stripped);
        CXString name = clang_getCursorSpelling(callee);
        bool expect = callee.kind == CXCursor_FunctionDecl &&
                      (strcmp(clang_getCString(name), "__builtin_expect") == 0 ||
                       strcmp(clang_getCString(name), "__builtin_expect_with_probability") == 0);
        clang_disposeString(name);
        struct children children = lower_children(lowerer, stripped);
        if (expect && children.count >= 2) {
            condition_rec(lowerer, children.items[1], negated, if_true, if_false);
            return;
        }
    }
    if (stripped.kind == CXCursor_BinaryOperator) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(stripped);
        struct children children = lower_children(lowerer, stripped);
        if (children.count == 2 && (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr)) {
            /* !(a && b) is !a || !b: swap the targets instead of negating. */
            struct block *yes = negated ? if_false : if_true, *no = negated ? if_true : if_false;
            struct block *middle = cfg_new_block(&lowerer->cfg);
            if (op == CXBinaryOperator_LAnd)
                condition_rec(lowerer, children.items[0], false, middle, no);
            else
                condition_rec(lowerer, children.items[0], false, yes, middle);
            lowerer->current = middle;
            condition_rec(lowerer, children.items[1], false, yes, no);
            return;
        }
        if (children.count == 2 && op == CXBinaryOperator_Comma) {
            lower_expr(lowerer, children.items[0]);
            condition_rec(lowerer, children.items[1], negated, if_true, if_false);
            return;
        }
    }
    leaf_condition(lowerer, stripped, negated, if_true, if_false);
}

void lower_condition(struct lowerer *lowerer, CXCursor expr, struct block *if_true,
                     struct block *if_false)
{
    condition_rec(lowerer, expr, false, if_true, if_false);
}
