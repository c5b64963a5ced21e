/* The model's tables and lookups. Building it from a TU is model/build.c. */
#include "model/model_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "model/model_annotate.h"
#include "support/arena.h"

struct model *model_new(struct arena *arena)
{
    struct model *model = ARENA_NEW(arena, struct model);
    model->arena = arena;
    hashmap_init(&model->functions);
    hashmap_init(&model->records);
    hashmap_init(&model->constants);
    hashmap_init(&model->types);
    hashmap_init(&model->globals);
    hashmap_init(&model->typedefs);
    hashmap_init(&model->decl_fields);
    hashmap_init(&model->type_cache);
    return model;
}

void model_free(struct model *model)
{
    if (!model)
        return;
    hashmap_destroy(&model->functions);
    hashmap_destroy(&model->records);
    hashmap_destroy(&model->constants);
    hashmap_destroy(&model->types);
    hashmap_destroy(&model->globals);
    hashmap_destroy(&model->typedefs);
    hashmap_destroy(&model->decl_fields);
    hashmap_destroy(&model->type_cache);
    vec_free(&model->function_list);
    vec_free(&model->record_list);
    vec_free(&model->problems);
    vec_free(&model->global_list);
}

struct function_info *model_add_function(struct model *model, const char *name, bool *created)
{
    struct function_info *info = strmap_get(&model->functions, name);
    if (created)
        *created = info == NULL;
    if (info)
        return info;
    info = ARENA_NEW(model->arena, struct function_info);
    info->name = arena_strdup(model->arena, name);
    info->spawn_handle_param = info->spawn_fn_param = info->spawn_arg_param = -1;
    info->origin = ORIGIN_DECLARED;
    strmap_put(&model->functions, info->name, info);
    vec_push(&model->function_list, info);
    return info;
}

const struct function_info *model_function(const struct model *model, const char *name)
{
    return name ? strmap_get(&model->functions, name) : NULL;
}

struct function_info *model_function_mutable(struct model *model, const char *name)
{
    return name ? strmap_get(&model->functions, name) : NULL;
}

void model_add_record(struct model *model, const char *name, struct record_info *record)
{
    strmap_put(&model->records, arena_strdup(model->arena, name), record);
}

const struct record_info *model_record(const struct model *model, const char *name)
{
    return name ? strmap_get(&model->records, name) : NULL;
}

void model_add_constant(struct model *model, const char *name, long long value)
{
    long long *boxed = ARENA_NEW(model->arena, long long);
    *boxed = value;
    strmap_put(&model->constants, arena_strdup(model->arena, name), boxed);
}

/* Integer literals in any C base (0x10, 010, 10u, 'a'), and the names true/false. */
static bool parse_literal(const char *text, long long *value)
{
    if (strcmp(text, "true") == 0 || strcmp(text, "false") == 0) {
        *value = text[0] == 't';
        return true;
    }
    if (text[0] == '\'' && text[1] && text[1] != '\\' && text[2] == '\'' && !text[3]) {
        *value = (unsigned char)text[1];
        return true;
    }
    const char *digits = text[0] == '-' || text[0] == '+' ? text + 1 : text;
    if (*digits < '0' || *digits > '9')
        return false;
    char *end;
    long long parsed = strtoll(text, &end, 0);
    while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
        end++;
    if (*end)
        return false;
    *value = parsed;
    return true;
}

bool model_constant(const struct model *model, const char *name, long long *value)
{
    if (!name)
        return false;
    while (*name == ' ' || *name == '(')
        name++;
    size_t length = strlen(name);
    while (length && (name[length - 1] == ' ' || name[length - 1] == ')'))
        length--;
    char trimmed[128];
    if (length == 0 || length >= sizeof trimmed)
        return false;
    memcpy(trimmed, name, length);
    trimmed[length] = '\0';
    if (parse_literal(trimmed, value))
        return true;
    const long long *boxed = model ? strmap_get(&model->constants, trimmed) : NULL;
    if (!boxed)
        return false;
    *value = *boxed;
    return true;
}

unsigned model_function_count(const struct model *model)
{
    return (unsigned)model->function_list.count;
}

struct function_info *model_function_at(struct model *model, unsigned index)
{
    return index < model->function_list.count ? model->function_list.items[index] : NULL;
}

struct var *model_global(const struct model *model, const char *name)
{
    return name ? strmap_get(&model->globals, name) : NULL;
}

void model_add_global(struct model *model, struct var *var)
{
    strmap_put(&model->globals, var->name, var);
    vec_push(&model->global_list, var);
}

unsigned model_new_var_id(struct model *model)
{
    return model->next_var_id++;
}

unsigned model_record_count(const struct model *model)
{
    return (unsigned)model->record_list.count;
}

const struct record_info *model_record_at(const struct model *model, unsigned index)
{
    return index < model->record_list.count ? model->record_list.items[index] : NULL;
}

void model_annotation_problem(struct model *model, const struct annotation *note,
                              const char *format, ...)
{
    if (!note || note->from_clang || !note->text || !note->range.begin.file)
        return;
    struct annotation_problem *problem = ARENA_NEW(model->arena, struct annotation_problem);
    problem->range = note->range;
    problem->annotation = note->text;
    va_list args;
    va_start(args, format);
    problem->problem = arena_vprintf(model->arena, format, args);
    va_end(args);
    vec_push(&model->problems, problem);
}

unsigned model_annotation_problem_count(const struct model *model)
{
    return (unsigned)model->problems.count;
}

const struct annotation_problem *model_annotation_problem_at(const struct model *model,
                                                             unsigned index)
{
    return index < model->problems.count ? model->problems.items[index] : NULL;
}
