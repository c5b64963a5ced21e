/* Lvalue paths: a root variable and a chain of steps, immutable once built. */
#include <stdio.h>
#include <string.h>

#include "ir/ir.h"
#include "support/arena.h"

const struct path *path_of_var(struct arena *arena, const struct var *var)
{
    struct path *path = ARENA_NEW(arena, struct path);
    path->root = var;
    path->type = var ? var->type : NULL;
    return path;
}

const struct path *path_append(struct arena *arena, const struct path *base, struct step step)
{
    struct path *path = ARENA_NEW(arena, struct path);
    struct step *steps = ARENA_ARRAY(arena, struct step, base->step_count + 1);
    if (base->step_count)
        memcpy(steps, base->steps, base->step_count * sizeof *steps);
    steps[base->step_count] = step;
    path->root = base->root;
    path->step_count = base->step_count + 1;
    path->steps = steps;
    path->type = step.type;
    return path;
}

const struct path *path_prefix(struct arena *arena, const struct path *path, unsigned step_count)
{
    if (step_count >= path->step_count)
        return path;
    struct path *prefix = ARENA_NEW(arena, struct path);
    prefix->root = path->root;
    prefix->step_count = step_count;
    prefix->steps = path->steps; /* steps are immutable: sharing the array is safe */
    prefix->type = step_count ? path->steps[step_count - 1].type : path->root->type;
    return prefix;
}

static bool step_equal(const struct step *a, const struct step *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case STEP_FIELD:
        /* Fields of the same record are interned; compare names as a fallback for
         * equal records reached through different type objects. */
        return a->field == b->field ||
               (a->field && b->field && a->field->owner == b->field->owner &&
                strcmp(a->field->name, b->field->name) == 0);
    case STEP_INDEX:
    case STEP_DEREF:
        return a->index == b->index;
    }
    return false;
}

bool path_equal(const struct path *a, const struct path *b)
{
    if (a == b)
        return true;
    if (!a || !b || a->root != b->root || a->step_count != b->step_count)
        return false;
    for (unsigned i = 0; i < a->step_count; i++)
        if (!step_equal(&a->steps[i], &b->steps[i]))
            return false;
    return true;
}

static bool step_matches(const struct step *a, const struct step *b)
{
    if (a->kind == b->kind && a->kind != STEP_FIELD &&
        (a->index == INDEX_UNKNOWN || b->index == INDEX_UNKNOWN))
        return true;
    return step_equal(a, b);
}

bool path_within(const struct path *a, const struct path *b)
{
    if (!a || !b || a->root != b->root || a->step_count < b->step_count)
        return false;
    for (unsigned i = 0; i < b->step_count; i++)
        if (!step_matches(&a->steps[i], &b->steps[i]))
            return false;
    return true;
}

void path_for_each_deref_base(struct arena *arena, const struct path *path,
                              void (*visit)(const struct path *pointer, void *data), void *data)
{
    for (unsigned i = 0; i < path->step_count; i++)
        if (path->steps[i].kind == STEP_DEREF)
            visit(path_prefix(arena, path, i), data);
}

/* A small bounded string builder: never overflows, always terminated. */
struct text {
    char *buffer;
    size_t size, length;
};

static void text_append(struct text *text, const char *part)
{
    size_t part_length = strlen(part);
    if (text->length + 1 >= text->size)
        return;
    size_t room = text->size - 1 - text->length;
    if (part_length > room)
        part_length = room;
    memcpy(text->buffer + text->length, part, part_length);
    text->length += part_length;
    text->buffer[text->length] = '\0';
}

static void text_prepend(struct text *text, const char *part)
{
    size_t part_length = strlen(part);
    if (text->size == 0)
        return;
    if (part_length > text->size - 1)
        part_length = text->size - 1;
    size_t keep = text->length;
    if (keep + part_length > text->size - 1)
        keep = text->size - 1 - part_length;
    memmove(text->buffer + part_length, text->buffer, keep);
    memcpy(text->buffer, part, part_length);
    text->length = keep + part_length;
    text->buffer[text->length] = '\0';
}

const char *path_format(const struct path *path, char *buffer, size_t size)
{
    struct text text = {buffer, size, 0};
    if (size == 0)
        return buffer;
    buffer[0] = '\0';
    text_append(&text, path && path->root && path->root->name ? path->root->name : "?");
    if (!path)
        return buffer;
    bool prefixed = false; /* a leading '*' was added: a later '.'/'[' needs parentheses */
    for (unsigned i = 0; i < path->step_count; i++) {
        const struct step *step = &path->steps[i];
        const char *field_name = NULL;
        char index[32];
        switch (step->kind) {
        case STEP_DEREF:
            if (step->index != 0) {
                /* p[k], p[_]: written as an index, like the source */
                if (prefixed) {
                    text_prepend(&text, "(");
                    text_append(&text, ")");
                    prefixed = false;
                }
                if (step->index == INDEX_UNKNOWN)
                    snprintf(index, sizeof index, "[_]");
                else
                    snprintf(index, sizeof index, "[%ld]", step->index);
                text_append(&text, index);
            } else if (i + 1 < path->step_count && path->steps[i + 1].kind == STEP_FIELD) {
                field_name = path->steps[i + 1].field ? path->steps[i + 1].field->name : "?";
                if (prefixed) {
                    text_prepend(&text, "(");
                    text_append(&text, ")");
                    prefixed = false;
                }
                text_append(&text, "->");
                text_append(&text, field_name);
                i++;
            } else {
                text_prepend(&text, "*");
                prefixed = true;
            }
            break;
        case STEP_FIELD:
            if (prefixed) {
                text_prepend(&text, "(");
                text_append(&text, ")");
                prefixed = false;
            }
            text_append(&text, ".");
            text_append(&text, step->field && step->field->name ? step->field->name : "?");
            break;
        case STEP_INDEX:
            if (prefixed) {
                text_prepend(&text, "(");
                text_append(&text, ")");
                prefixed = false;
            }
            if (step->index == INDEX_UNKNOWN)
                snprintf(index, sizeof index, "[_]");
            else
                snprintf(index, sizeof index, "[%ld]", step->index);
            text_append(&text, index);
            break;
        }
    }
    return buffer;
}
