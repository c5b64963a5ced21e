/* Initializers: `struct s x = {.p = &y, 3}`, arrays, nested lists and compound literals
 * become a WRITE of the whole object, then one WRITE per listed member or element, so
 * checks see where each address went. */
#include "ir/lower_internal.h"
#include "support/arena.h"

/* `(struct s){...}`: its braced list, or a null cursor. */
CXCursor lower_compound_literal_list(struct lowerer *lowerer, CXCursor expr)
{
    if (expr.kind != CXCursor_CompoundLiteralExpr)
        return clang_getNullCursor();
    struct children children = lower_children(lowerer, expr);
    if (children.count >= 1 && children.items[children.count - 1].kind == CXCursor_InitListExpr)
        return children.items[children.count - 1];
    return clang_getNullCursor();
}

/* ---- initializers --------------------------------------------------------------------------- */

struct designator {
    CXCursor member;      /* a MemberRef (.field = ...) or null */
    bool designated;      /* any designator, including [index] */
};

static enum CXChildVisitResult find_designator(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct designator *designator = data;
    if (cursor.kind == CXCursor_MemberRef && clang_Cursor_isNull(designator->member))
        designator->member = cursor;
    return CXChildVisit_Continue;
}

/* A designated element (`.f = v`, `[2] = v`) is an unexposed expression whose children
 * are the designators and the value; returns the value. */
static CXCursor element_value(struct lowerer *lowerer, CXCursor element, struct designator *designator)
{
    designator->member = clang_getNullCursor();
    designator->designated = false;
    if (element.kind != CXCursor_UnexposedExpr)
        return element;
    clang_visitChildren(element, find_designator, designator);
    struct children children = lower_children(lowerer, element);
    if (clang_Cursor_isNull(designator->member) && children.count < 2)
        return element;
    designator->designated = true;
    return children.count ? children.items[children.count - 1] : element;
}

static void initialize_element(struct lowerer *lowerer, const struct path *path, CXCursor value,
                               struct source_range range)
{
    CXCursor stripped = lower_strip(lowerer, value);
    if (stripped.kind == CXCursor_InitListExpr && path)
        lower_initialize(lowerer, path, stripped, range);
    else
        lower_write(lowerer, path, lower_expr(lowerer, value), false, range);
}

static void initialize_record(struct lowerer *lowerer, const struct path *path,
                              struct children elements, struct source_range range)
{
    const struct record_info *record = path->type->record;
    unsigned next = 0;
    for (unsigned i = 0; i < elements.count; i++) {
        struct designator designator;
        CXCursor value = element_value(lowerer, elements.items[i], &designator);
        const struct field_info *field = NULL;
        if (designator.designated && !clang_Cursor_isNull(designator.member)) {
            field = model_field(lowerer->model, clang_getCursorReferenced(designator.member));
            for (unsigned f = 0; field && f < record->field_count; f++)
                if (&record->fields[f] == field)
                    next = f + 1;
        } else if (!designator.designated && next < record->field_count) {
            field = &record->fields[next++];
        }
        if (!field) {
            lower_expr(lowerer, value);
            continue;
        }
        struct step step = {STEP_FIELD, field, 0, field->type};
        initialize_element(lowerer, path_append(lowerer->arena, path, step), value, range);
    }
}

static void initialize_array(struct lowerer *lowerer, const struct path *path,
                             struct children elements, struct source_range range)
{
    for (unsigned i = 0; i < elements.count; i++) {
        struct designator designator;
        CXCursor value = element_value(lowerer, elements.items[i], &designator);
        struct step step = {STEP_INDEX, NULL, designator.designated ? INDEX_UNKNOWN : (long)i,
                            path->type->pointee};
        initialize_element(lowerer, path_append(lowerer->arena, path, step), value, range);
    }
}

void lower_initialize(struct lowerer *lowerer, const struct path *path, CXCursor init,
                      struct source_range range)
{
    CXCursor stripped = lower_strip(lowerer, init);
    CXCursor literal = lower_compound_literal_list(lowerer, stripped);
    if (!clang_Cursor_isNull(literal))
        stripped = literal; /* `x = (struct s){.p = &y}` initializes like `{.p = &y}` */
    const struct type_info *type = path ? path->type : NULL;
    if (stripped.kind != CXCursor_InitListExpr || !type) {
        lower_write(lowerer, path, lower_expr(lowerer, init), false, range);
        return;
    }
    /* The whole object first (members not listed are zeroed), then member by member. */
    struct children elements = lower_children(lowerer, stripped);
    lower_write(lowerer, path, lower_value(VALUE_OTHER, range), false, range);
    if (type->kind == TYPE_RECORD && type->record && !type->record->is_union)
        initialize_record(lowerer, path, elements, range);
    else if (type->kind == TYPE_ARRAY)
        initialize_array(lowerer, path, elements, range);
    else
        for (unsigned i = 0; i < elements.count; i++)
            lower_expr(lowerer, elements.items[i]);
}
