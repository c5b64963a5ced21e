#include "model/lockpath.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "model/model_annotate.h"
#include "support/arena.h"

#define LOCK_MAX_STEPS 16

static const char *skip_space(const char *c)
{
    while (isspace((unsigned char)*c))
        c++;
    return c;
}

static const char *read_identifier(struct arena *arena, const char *c, const char **name)
{
    const char *start = c;
    while (isalnum((unsigned char)*c) || *c == '_' || *c == '$')
        c++;
    *name = c > start ? arena_copy(arena, start, (size_t)(c - start) + 1) : NULL;
    if (*name)
        ((char *)*name)[c - start] = '\0';
    return c;
}

/* Strips one pair of parentheses around the whole text: "(&g_mu)". */
static char *strip_parentheses(struct arena *arena, const char *text)
{
    char *copy = arena_strdup(arena, text);
    for (;;) {
        char *start = (char *)skip_space(copy);
        size_t length = strlen(start);
        while (length && isspace((unsigned char)start[length - 1]))
            start[--length] = '\0';
        if (length < 2 || start[0] != '(' || start[length - 1] != ')')
            return start;
        int depth = 0;
        bool encloses = true;
        for (size_t i = 0; i < length; i++) {
            depth += start[i] == '(' ? 1 : start[i] == ')' ? -1 : 0;
            if (depth == 0 && i + 1 < length) {
                encloses = false;
                break;
            }
        }
        if (!encloses)
            return start;
        start[length - 1] = '\0';
        copy = start + 1;
    }
}

/* Resolves the first name: "$N", a parameter, a sibling field or a global. The type of
 * the base is returned for the pointer rule ("m" of pointer type is the pointee). */
static bool resolve_base(const struct lock_scope *scope, const char *name, struct lock_path *path,
                         const struct type_info **type, struct lock_step *sibling_step)
{
    *type = NULL;
    if (name[0] == '$') {
        char *end;
        long index = strtol(name + 1, &end, 10);
        if (*end || index < 0)
            return false;
        path->base = LOCK_BASE_PARAM;
        path->param_index = (int)index;
        if ((unsigned long)index < scope->param_count && scope->param_types)
            *type = scope->param_types[index];
        return true;
    }
    for (unsigned i = 0; i < scope->param_count; i++) {
        if (scope->param_names && scope->param_names[i] && strcmp(scope->param_names[i], name) == 0) {
            path->base = LOCK_BASE_PARAM;
            path->param_index = (int)i;
            *type = scope->param_types ? scope->param_types[i] : NULL;
            return true;
        }
    }
    for (unsigned i = 0; i < scope->sibling_count; i++) {
        if (scope->sibling_names[i] && strcmp(scope->sibling_names[i], name) == 0) {
            path->base = LOCK_BASE_SIBLING;
            sibling_step->through_pointer = false;
            sibling_step->field = scope->sibling_names[i];
            *type = scope->sibling_types ? scope->sibling_types[i] : NULL;
            return true;
        }
    }
    struct var *global = model_global(scope->model, name);
    if (global) {
        path->base = LOCK_BASE_GLOBAL;
        path->global = global;
        *type = global->type;
        return true;
    }
    return false;
}

const struct lock_path *lock_path_parse(const struct lock_scope *scope, const char *text)
{
    struct arena *arena = scope->model->arena;
    if (!text)
        return NULL;
    const char *c = strip_parentheses(arena, text);
    if (!*c) {
        model_annotation_problem(scope->model, scope->note, "a lock name is missing");
        return NULL;
    }
    bool address = false, deref = false;
    if (*c == '&') {
        address = true;
        c = strip_parentheses(arena, c + 1);
    } else if (*c == '*') {
        deref = true;
        c = strip_parentheses(arena, c + 1);
    }
    const char *name;
    c = skip_space(read_identifier(arena, c, &name));
    if (!name) {
        model_annotation_problem(scope->model, scope->note, "'%s' is not a lock name", text);
        return NULL;
    }
    struct lock_path *path = ARENA_NEW(arena, struct lock_path);
    struct lock_step steps[LOCK_MAX_STEPS];
    unsigned step_count = 0;
    const struct type_info *type;
    if (!resolve_base(scope, name, path, &type, &steps[0])) {
        model_annotation_problem(scope->model, scope->note,
                                 "'%s' names no parameter, field or global", name);
        return NULL;
    }
    if (path->base == LOCK_BASE_SIBLING)
        step_count = 1;
    while (*c && step_count < LOCK_MAX_STEPS) {
        bool through_pointer;
        if (c[0] == '-' && c[1] == '>') {
            through_pointer = true;
            c += 2;
        } else if (c[0] == '.') {
            through_pointer = false;
            c++;
        } else {
            /* calls, indexes, arithmetic: not a lock path */
            model_annotation_problem(scope->model, scope->note, "'%s' is not a lock name", text);
            return NULL;
        }
        const char *field;
        c = skip_space(read_identifier(arena, skip_space(c), &field));
        if (!field)
            return NULL;
        steps[step_count++] = (struct lock_step){through_pointer, field};
        type = NULL;
    }
    if (*c)
        return NULL;
    path->step_count = step_count;
    path->steps = arena_copy(arena, steps, step_count * sizeof *steps);
    /* "*m", or "m" naming a pointer parameter/global: the lock is the pointee. */
    path->deref_base = deref || (!address && step_count == 0 &&
                                 (path->base == LOCK_BASE_PARAM
                                      ? (!type || type->kind == TYPE_POINTER)
                                      : (type && type->kind == TYPE_POINTER)));
    path->text = arena_strdup(arena, text);
    return path;
}

const struct lock_path *const *lock_path_parse_list(const struct lock_scope *scope,
                                                    const char *text, unsigned *count)
{
    struct arena *arena = scope->model->arena;
    const char **items;
    unsigned n = annotation_split(arena, text ? text : "", &items);
    if (n == 0)
        model_annotation_problem(scope->model, scope->note, "a lock name is missing");
    const struct lock_path **paths = ARENA_ARRAY(arena, const struct lock_path *, n + 1);
    unsigned used = 0;
    for (unsigned i = 0; i < n; i++) {
        const struct lock_path *path = lock_path_parse(scope, items[i]);
        if (path)
            paths[used++] = path;
    }
    if (count)
        *count = used;
    return paths;
}
