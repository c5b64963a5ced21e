/* annotation: contradictory ownership/thread annotations. Today: SYNC claims, checked like
 * Rust checks `impl Sync` bounds: every member must be const, _Atomic, guarded, a lock, or
 * of a SYNC type. UNSAFE_SYNC is accepted unchecked. */
#include <stdio.h>

#include "analysis/ownership.h"
#include "checks/check.h"

static const char explanation[] =
    "An annotation contradicts the code it annotates.\n"
    "\n"
    "SYNC on a type promises that threads may use one object of it through pointers at\n"
    "the same time. That holds only when every member is const, _Atomic, a lock, guarded\n"
    "by a lock (GUARDED_BY / PT_GUARDED_BY), or itself of a SYNC type. A plain mutable\n"
    "member makes the claim false: concurrent writes to it race. UNSAFE_SYNC states the\n"
    "claim without the check, for types synchronized in ways the checker cannot see.\n"
    "MOVED or MOVED_IF on a parameter whose type holds no pointer (an int, a struct of\n"
    "numbers) is an error too: such values are copied, nothing can move.\n"
    "\n"
    "Wrong:\n"
    "    struct SYNC stats { long hits; };           /* two threads may hits++ at once */\n"
    "\n"
    "Right:\n"
    "    struct SYNC stats { _Atomic long hits; };\n"
    "    struct SYNC stats2 { fl_mutex mu; long hits GUARDED_BY(mu); };\n";

static bool claims_sync(enum trait_claim claim)
{
    return claim == TRAIT_YES || claim == TRAIT_UNSAFE_YES;
}

static bool member_is_sync(const struct field_info *field)
{
    const struct type_info *type = field->type;
    if (field->guarded_by || field->pt_guarded_by)
        return true;
    while (type && type->kind == TYPE_ARRAY && !type->is_const && !type->is_atomic)
        type = type->pointee;
    if (!type || type->is_const || type->is_atomic || type->lock != LOCK_NONE)
        return true;
    if (claims_sync(type->sync))
        return true;
    return type->kind == TYPE_RECORD && type->record &&
           (claims_sync(type->record->sync) || type->record->lock != LOCK_NONE);
}

static void check_record(struct check_context *context, const struct record_info *record)
{
    for (unsigned i = 0; i < record->field_count; i++) {
        const struct field_info *field = &record->fields[i];
        if (member_is_sync(field))
            continue;
        struct diagnostic *diag = diag_new(
            "annotation", SEVERITY_ERROR, field->decl,
            "'%s' is marked SYNC, but its member '%s' is neither const, _Atomic, guarded, a "
            "lock, nor of a SYNC type", record->name ? record->name : "?", field->name);
        diag_add_note(diag, record->decl, "'%s' is marked SYNC here",
                      record->name ? record->name : "?");
        diag_add_note(diag, field->decl,
                      "help: make '%s' _Atomic or const, guard it with GUARDED_BY(lock), or "
                      "mark the type UNSAFE_SYNC if it is synchronized another way", field->name);
        check_report(context, diag);
    }
}

/* MOVED / MOVED_IF on a parameter whose type holds no pointer: a copy, nothing moves. */
static void check_moved_params(struct check_context *context, const struct function_info *info)
{
    if (info->origin == ORIGIN_BUILTIN || !info->param_types)
        return;
    for (unsigned i = 0; i < info->param_count; i++) {
        const struct param_contract *param = &info->params[i];
        const struct type_info *type = info->param_types[i];
        if ((!param->moved && !param->moved_if) || !type || ownership_type_owns(type))
            continue;
        const char *name = info->param_names && info->param_names[i] ? info->param_names[i] : "?";
        struct diagnostic *diag = diag_new(
            "annotation", SEVERITY_ERROR, info->decl,
            "annotation %s on parameter '%s' of '%s' has no effect: its type '%s' owns "
            "nothing that could move",
            param->moved ? "MOVED" : "MOVED_IF", name, info->name, type->spelling);
        diag_add_note(diag, info->decl,
                      "help: remove the annotation, or pass a pointer to what the callee takes");
        check_report(context, diag);
    }
}

static void check_record_claims(struct check_context *context, const struct record_info *record)
{
    if (record->sync == TRAIT_YES && record->is_complete)
        check_record(context, record);
}

/* Annotation strings the model could not use (unknown kind, a name that resolves to
 * nothing, a missing lock): each is an error where the macro was written. */
static void check_malformed(struct check_context *context)
{
    unsigned count = model_annotation_problem_count(context->model);
    for (unsigned i = 0; i < count; i++) {
        const struct annotation_problem *problem = model_annotation_problem_at(context->model, i);
        struct diagnostic *diag = diag_new("annotation", SEVERITY_ERROR, problem->range,
                                           "malformed annotation '%s': %s",
                                           problem->annotation ? problem->annotation : "?",
                                           problem->problem ? problem->problem : "not understood");
        diag_add_note(diag, problem->range,
                      "help: see annotations/fearless.h for the macros and their arguments");
        check_report(context, diag);
    }
}

static void check_tu(struct check_context *context)
{
    unsigned records = model_record_count(context->model);
    for (unsigned r = 0; r < records; r++)
        check_record_claims(context, model_record_at(context->model, r));
    unsigned count = model_function_count(context->model);
    for (unsigned f = 0; f < count; f++)
        check_moved_params(context, model_function_at(context->model, f));
    check_malformed(context);
}

const struct check check_annotation = {
    .name = "annotation",
    .severity = SEVERITY_ERROR,
    .summary = "contradictory annotation (SYNC type with a racy member, MOVED on a copy)",
    .explanation = explanation,
    .check_tu = check_tu,
};
