/* Fields of records, with GUARDED_BY / PT_GUARDED_BY / lock order resolved against the
 * sibling fields and the globals. */
#include <stdlib.h>

#include "frontend/frontend.h"
#include "ir/ir.h"
#include "model/lockpath.h"
#include "model/model_annotate.h"
#include "support/arena.h"
#include "support/vec.h"

static enum CXChildVisitResult collect_field(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (cursor.kind == CXCursor_FieldDecl) {
        CXCursor *copy = malloc(sizeof *copy);
        if (!copy)
            abort();
        *copy = cursor;
        vec_push(data, copy);
    }
    return CXChildVisit_Continue;
}

/* Applies a field's (or a global's) own lock annotations. */
void field_apply_annotations(const struct lock_scope *outer, struct field_info *field,
                             const struct decl_annotations *notes)
{
    struct lock_scope reading = *outer;
    const struct lock_scope *scope = &reading;
    for (unsigned i = 0; i < notes->count; i++) {
        const struct annotation *note = &notes->items[i];
        reading.note = note;
        switch (note->kind) {
        case ANN_GUARDED_BY:
            field->guarded_by = lock_path_parse(scope, note->args);
            break;
        case ANN_PT_GUARDED_BY:
            field->pt_guarded_by = lock_path_parse(scope, note->args);
            break;
        case ANN_ACQUIRED_BEFORE:
            field->acquired_before = lock_path_parse_list(scope, note->args, NULL);
            break;
        case ANN_ACQUIRED_AFTER:
            field->acquired_after = lock_path_parse_list(scope, note->args, NULL);
            break;
        default:
            break;
        }
    }
}

void record_build_fields(struct model *model, struct record_info *record, CXCursor decl)
{
    struct vec cursors = {0};
    clang_visitChildren(decl, collect_field, &cursors);
    unsigned count = (unsigned)cursors.count;
    struct field_info *fields = ARENA_ARRAY(model->arena, struct field_info, count);
    const char **names = ARENA_ARRAY(model->arena, const char *, count + 1);
    const struct type_info **types = ARENA_ARRAY(model->arena, const struct type_info *, count + 1);
    for (unsigned i = 0; i < count; i++) {
        CXCursor cursor = *(CXCursor *)cursors.items[i];
        fields[i].name = frontend_take_string(model->arena, clang_getCursorSpelling(cursor));
        fields[i].owner = record;
        fields[i].decl = frontend_cursor_range(model->frontend, cursor);
        names[i] = fields[i].name;
        cursor_map_put(&model->decl_fields, model->arena, cursor, &fields[i]);
    }
    /* Published before the field types are built: a field may point back to this record. */
    record->fields = fields;
    record->field_count = count;
    for (unsigned i = 0; i < count; i++) {
        fields[i].type = model_type(model, clang_getCursorType(*(CXCursor *)cursors.items[i]));
        types[i] = fields[i].type;
    }
    struct lock_scope scope = {.model = model, .sibling_count = count, .sibling_names = names,
                               .sibling_types = types};
    for (unsigned i = 0; i < count; i++) {
        CXCursor cursor = *(CXCursor *)cursors.items[i];
        struct decl_annotations notes;
        annotations_collect(model, cursor, &notes);
        field_apply_annotations(&scope, &fields[i], &notes);
        free(cursors.items[i]);
    }
    vec_free(&cursors);
}
