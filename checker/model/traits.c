/* Send and Sync as auto traits: a type is Send (Sync) unless it or a member at any depth
 * says NOT_SEND (NOT_SYNC); an explicit SEND/UNSAFE_SEND claim stops the propagation.
 * Pointers propagate to their pointee: handing over a pointer hands over what it points
 * to (C does not tell borrowing from owning). Recursive types are assumed to satisfy the
 * trait while being checked, as rustc does for auto traits. */
#include <stdio.h>
#include <string.h>

#include "model/model.h"

#define TRAIT_MAX_DEPTH 32
#define CULPRIT_BUFFERS 8
#define CULPRIT_SIZE 256

enum trait { TRAIT_SEND, TRAIT_SYNC };

struct trait_walk {
    enum trait trait;
    const struct record_info *stack[TRAIT_MAX_DEPTH];
    unsigned depth;
    const char *chain[TRAIT_MAX_DEPTH]; /* member names from the outer type inward */
    unsigned chain_length;
};

static enum trait_claim claim_of_type(const struct type_info *type, enum trait trait)
{
    return trait == TRAIT_SEND ? type->send : type->sync;
}

static enum trait_claim claim_of_record(const struct record_info *record, enum trait trait)
{
    return trait == TRAIT_SEND ? record->send : record->sync;
}

static bool type_has_trait(struct trait_walk *walk, const struct type_info *type);

static bool record_has_trait(struct trait_walk *walk, const struct record_info *record)
{
    enum trait_claim claim = claim_of_record(record, walk->trait);
    if (claim == TRAIT_NO)
        return false;
    if (claim == TRAIT_YES || claim == TRAIT_UNSAFE_YES)
        return true;
    for (unsigned i = 0; i < walk->depth; i++)
        if (walk->stack[i] == record)
            return true; /* coinductive: a cycle does not make it fail */
    if (walk->depth == TRAIT_MAX_DEPTH)
        return true;
    walk->stack[walk->depth++] = record;
    bool result = true;
    for (unsigned i = 0; i < record->field_count && result; i++) {
        const struct field_info *field = &record->fields[i];
        if (!field->type)
            continue;
        if (walk->chain_length < TRAIT_MAX_DEPTH)
            walk->chain[walk->chain_length] = field->name;
        walk->chain_length++;
        result = type_has_trait(walk, field->type);
        if (result)
            walk->chain_length--;
    }
    walk->depth--;
    return result;
}

static bool type_has_trait(struct trait_walk *walk, const struct type_info *type)
{
    for (unsigned hops = 0; type && hops < TRAIT_MAX_DEPTH; hops++) {
        enum trait_claim claim = claim_of_type(type, walk->trait);
        if (claim == TRAIT_NO)
            return false;
        if (claim == TRAIT_YES || claim == TRAIT_UNSAFE_YES)
            return true;
        switch (type->kind) {
        case TYPE_POINTER:
        case TYPE_ARRAY:
            type = type->pointee;
            continue;
        case TYPE_RECORD:
            return type->record ? record_has_trait(walk, type->record) : true;
        default:
            return true;
        }
    }
    return true;
}

/* The culprit strings live in a small per-thread ring: valid until several later calls. */
static const char *culprit_text(const struct trait_walk *walk)
{
    static _Thread_local char buffers[CULPRIT_BUFFERS][CULPRIT_SIZE];
    static _Thread_local unsigned next;
    if (walk->chain_length == 0)
        return NULL;
    char *buffer = buffers[next++ % CULPRIT_BUFFERS];
    buffer[0] = '\0';
    size_t used = 0;
    unsigned count = walk->chain_length < TRAIT_MAX_DEPTH ? walk->chain_length : TRAIT_MAX_DEPTH;
    for (unsigned i = 0; i < count; i++) {
        int written = snprintf(buffer + used, CULPRIT_SIZE - used, "%s%s", i ? "." : "",
                               walk->chain[i] ? walk->chain[i] : "?");
        if (written < 0 || (size_t)written >= CULPRIT_SIZE - used)
            break;
        used += (size_t)written;
    }
    return buffer;
}

static bool check_trait(const struct type_info *type, enum trait trait, const char **culprit)
{
    struct trait_walk walk;
    memset(&walk, 0, sizeof walk);
    walk.trait = trait;
    bool result = type_has_trait(&walk, type);
    if (culprit)
        *culprit = result ? NULL : culprit_text(&walk);
    return result;
}

bool type_is_send(const struct type_info *type, const char **culprit)
{
    return check_trait(type, TRAIT_SEND, culprit);
}

bool type_is_sync(const struct type_info *type, const char **culprit)
{
    return check_trait(type, TRAIT_SYNC, culprit);
}
