/* Annotation strings and clang thread-safety attributes. */
#include "model/model_annotate.h"

#include <ctype.h>
#include <string.h>

#include "frontend/frontend.h"
#include "support/arena.h"

static const struct {
    const char *name;
    enum annotation_kind kind;
} fearless_kinds[] = {
    {"moved", ANN_MOVED}, {"moved_if", ANN_MOVED_IF}, {"thread_arg", ANN_THREAD_ARG},
    {"thread_fn", ANN_THREAD_FN}, {"joins", ANN_JOINS}, {"detaches", ANN_DETACHES},
    {"send", ANN_SEND}, {"not_send", ANN_NOT_SEND}, {"unsafe_send", ANN_UNSAFE_SEND},
    {"sync", ANN_SYNC}, {"not_sync", ANN_NOT_SYNC}, {"unsafe_sync", ANN_UNSAFE_SYNC},
    {"lock_type", ANN_LOCK_TYPE}, {"guarded_by", ANN_GUARDED_BY},
    {"pt_guarded_by", ANN_PT_GUARDED_BY}, {"requires", ANN_REQUIRES},
    {"requires_shared", ANN_REQUIRES_SHARED}, {"excludes", ANN_EXCLUDES},
    {"acquire", ANN_ACQUIRE}, {"acquire_shared", ANN_ACQUIRE_SHARED},
    {"release", ANN_RELEASE}, {"release_shared", ANN_RELEASE_SHARED},
    {"try_acquire", ANN_TRY_ACQUIRE}, {"try_acquire_shared", ANN_TRY_ACQUIRE_SHARED},
    {"returns_guard", ANN_RETURNS_GUARD}, {"acquired_before", ANN_ACQUIRED_BEFORE},
    {"acquired_after", ANN_ACQUIRED_AFTER},
    {"no_thread_safety_analysis", ANN_NO_THREAD_SAFETY_ANALYSIS},
    {"release_any", ANN_RELEASE_ANY}, {"wait", ANN_WAIT}, {"noreturn", ANN_NORETURN},
    {"fresh_heap", ANN_FRESH_HEAP},
};

/* Clang's attribute spellings (current and legacy) for the same meanings. */
static const struct {
    const char *name;
    enum annotation_kind kind;
} clang_kinds[] = {
    {"capability", ANN_LOCK_TYPE}, {"shared_capability", ANN_LOCK_TYPE},
    {"lockable", ANN_LOCK_TYPE}, {"guarded_by", ANN_GUARDED_BY},
    {"pt_guarded_by", ANN_PT_GUARDED_BY}, {"requires_capability", ANN_REQUIRES},
    {"exclusive_locks_required", ANN_REQUIRES},
    {"requires_shared_capability", ANN_REQUIRES_SHARED},
    {"shared_locks_required", ANN_REQUIRES_SHARED}, {"locks_excluded", ANN_EXCLUDES},
    {"acquire_capability", ANN_ACQUIRE}, {"exclusive_lock_function", ANN_ACQUIRE},
    {"acquire_shared_capability", ANN_ACQUIRE_SHARED}, {"shared_lock_function", ANN_ACQUIRE_SHARED},
    {"release_capability", ANN_RELEASE}, {"release_shared_capability", ANN_RELEASE_SHARED},
    {"release_generic_capability", ANN_RELEASE_ANY}, {"unlock_function", ANN_RELEASE_ANY},
    {"try_acquire_capability", ANN_TRY_ACQUIRE}, {"exclusive_trylock_function", ANN_TRY_ACQUIRE},
    {"try_acquire_shared_capability", ANN_TRY_ACQUIRE_SHARED},
    {"shared_trylock_function", ANN_TRY_ACQUIRE_SHARED},
    {"acquired_before", ANN_ACQUIRED_BEFORE}, {"acquired_after", ANN_ACQUIRED_AFTER},
    {"no_thread_safety_analysis", ANN_NO_THREAD_SAFETY_ANALYSIS},
};

const char *annotation_kind_name(enum annotation_kind kind)
{
    for (size_t i = 0; i < sizeof fearless_kinds / sizeof fearless_kinds[0]; i++)
        if (fearless_kinds[i].kind == kind)
            return fearless_kinds[i].name;
    return "unknown";
}

static char *trimmed_copy(struct arena *arena, const char *text, size_t length)
{
    while (length && isspace((unsigned char)*text)) {
        text++;
        length--;
    }
    while (length && isspace((unsigned char)text[length - 1]))
        length--;
    char *copy = arena_alloc(arena, length + 1);
    memcpy(copy, text, length);
    return copy;
}

enum annotation_kind annotation_parse(struct arena *arena, const char *text, const char **args)
{
    const char *colon = strchr(text, ':');
    size_t name_length = colon ? (size_t)(colon - text) : strlen(text);
    *args = colon ? trimmed_copy(arena, colon + 1, strlen(colon + 1)) : "";
    for (size_t i = 0; i < sizeof fearless_kinds / sizeof fearless_kinds[0]; i++)
        if (strlen(fearless_kinds[i].name) == name_length &&
            strncmp(fearless_kinds[i].name, text, name_length) == 0)
            return fearless_kinds[i].kind;
    return ANN_UNKNOWN;
}

unsigned annotation_split(struct arena *arena, const char *args, const char ***items)
{
    unsigned count = 0, capacity = 4;
    const char **list = ARENA_ARRAY(arena, const char *, capacity + 1);
    int depth = 0;
    const char *start = args;
    for (const char *c = args;; c++) {
        if (*c == '(' || *c == '[')
            depth++;
        else if ((*c == ')' || *c == ']') && depth > 0)
            depth--;
        if (*c == '\0' || (*c == ',' && depth == 0)) {
            char *item = trimmed_copy(arena, start, (size_t)(c - start));
            if (item[0]) {
                if (count == capacity) {
                    const char **bigger = ARENA_ARRAY(arena, const char *, capacity * 2 + 1);
                    memcpy(bigger, list, count * sizeof *list);
                    list = bigger;
                    capacity *= 2;
                }
                list[count++] = item;
            }
            if (*c == '\0')
                break;
            start = c + 1;
        }
    }
    list[count] = NULL;
    *items = list;
    return count;
}

static void add(struct decl_annotations *out, enum annotation_kind kind, const char *args,
                bool from_clang, const char *text, struct source_range range)
{
    switch (kind) {
    case ANN_SEND: out->send = TRAIT_YES; break;
    case ANN_NOT_SEND: out->send = TRAIT_NO; break;
    case ANN_UNSAFE_SEND: out->send = TRAIT_UNSAFE_YES; break;
    case ANN_SYNC: out->sync = TRAIT_YES; break;
    case ANN_NOT_SYNC: out->sync = TRAIT_NO; break;
    case ANN_UNSAFE_SYNC: out->sync = TRAIT_UNSAFE_YES; break;
    case ANN_LOCK_TYPE: out->lock_type = true; break;
    case ANN_NORETURN: out->noreturn = true; break;
    default: break;
    }
    if (out->count < ANNOTATIONS_MAX)
        out->items[out->count++] = (struct annotation){kind, args, from_clang, text, range};
}

/* The identifier at `offset` of `file`'s text, copied into `name`. */
static void identifier_at(CXTranslationUnit tu, CXFile file, unsigned offset, char *name, size_t size)
{
    size_t length = 0;
    const char *text = file ? clang_getFileContents(tu, file, &length) : NULL;
    name[0] = '\0';
    if (!text || offset >= length)
        return;
    size_t used = 0;
    while (offset + used < length && used + 1 < size &&
           (isalnum((unsigned char)text[offset + used]) || text[offset + used] == '_'))
        used++;
    memcpy(name, text + offset, used);
    name[used] = '\0';
}

/* The parenthesized text after the identifier at `offset`: the attribute's arguments when
 * written directly, or the arguments of the macro that wrote it. NULL: no parentheses. */
static char *arguments_at(struct arena *arena, CXTranslationUnit tu, CXFile file, unsigned offset)
{
    size_t length = 0;
    const char *text = file ? clang_getFileContents(tu, file, &length) : NULL;
    if (!text || offset >= length)
        return NULL;
    size_t i = offset;
    while (i < length && (isalnum((unsigned char)text[i]) || text[i] == '_'))
        i++;
    while (i < length && isspace((unsigned char)text[i]))
        i++;
    if (i >= length || text[i] != '(')
        return NULL;
    size_t start = ++i;
    int depth = 1;
    for (; i < length && depth > 0; i++) {
        if (text[i] == '(')
            depth++;
        else if (text[i] == ')')
            depth--;
    }
    if (depth != 0)
        return NULL;
    return trimmed_copy(arena, text + start, i - 1 - start);
}

/* Strips the quotes of capability("mutex") and the underscores of __guarded_by__. */
static void normalize_name(char *name)
{
    size_t length = strlen(name);
    if (length > 4 && strncmp(name, "__", 2) == 0 && strcmp(name + length - 2, "__") == 0) {
        memmove(name, name + 2, length - 4);
        name[length - 4] = '\0';
    }
}

static void read_clang_attribute(struct model *model, CXCursor attr, bool system,
                                 struct decl_annotations *out)
{
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(attr);
    CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(attr));
    CXFile file;
    unsigned offset;
    clang_getSpellingLocation(start, &file, NULL, NULL, &offset);
    char name[64];
    identifier_at(tu, file, offset, name, sizeof name);
    normalize_name(name);
    if (strcmp(name, "_Noreturn") == 0 || strcmp(name, "noreturn") == 0) {
        out->noreturn = true;
        return;
    }
    if (strcmp(name, "cleanup") == 0) {
        CXFile expansion_file;
        unsigned expansion_offset;
        clang_getExpansionLocation(start, &expansion_file, NULL, NULL, &expansion_offset);
        out->cleanup[0] = arguments_at(model->arena, tu, expansion_file, expansion_offset);
        out->cleanup[1] = arguments_at(model->arena, tu, file, offset);
        return;
    }
    if (system)
        return;
    for (size_t i = 0; i < sizeof clang_kinds / sizeof clang_kinds[0]; i++) {
        if (strcmp(clang_kinds[i].name, name) != 0)
            continue;
        CXFile expansion_file;
        unsigned expansion_offset;
        clang_getExpansionLocation(start, &expansion_file, NULL, NULL, &expansion_offset);
        char *args = arguments_at(model->arena, tu, expansion_file, expansion_offset);
        if (!args)
            args = arguments_at(model->arena, tu, file, offset);
        struct source_range nowhere = {{NULL, 0, 0}, {NULL, 0, 0}};
        add(out, clang_kinds[i].kind, args ? args : "", true, NULL, nowhere);
        return;
    }
}

struct collect_state {
    struct model *model;
    struct decl_annotations *out;
    bool system;
};

static enum CXChildVisitResult visit_attribute(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct collect_state *state = data;
    if (cursor.kind == CXCursor_AnnotateAttr) {
        char *text = frontend_take_string(state->model->arena, clang_getCursorSpelling(cursor));
        if (strncmp(text, "fearless:", 9) == 0) {
            const char *args;
            enum annotation_kind kind = annotation_parse(state->model->arena, text + 9, &args);
            struct source_range range = frontend_cursor_range(state->model->frontend, cursor);
            unsigned before = state->out->count;
            add(state->out, kind, args, false, state->system ? NULL : text + 9, range);
            state->out->fearless = true;
            if (kind == ANN_UNKNOWN && state->out->count > before)
                model_annotation_problem(state->model, &state->out->items[state->out->count - 1],
                                         "unknown annotation kind in '%s'", text);
        }
    } else if (clang_isAttribute(cursor.kind)) {
        read_clang_attribute(state->model, cursor, state->system, state->out);
    }
    return CXChildVisit_Continue;
}

/* fearless.h writes each lock macro twice (annotate + clang attribute): keep one. */
static void drop_clang_duplicates(struct decl_annotations *out)
{
    unsigned kept = 0;
    for (unsigned i = 0; i < out->count; i++) {
        bool duplicate = false;
        if (out->items[i].from_clang)
            for (unsigned j = 0; j < out->count && !duplicate; j++)
                duplicate = !out->items[j].from_clang && out->items[j].kind == out->items[i].kind;
        if (!duplicate)
            out->items[kept++] = out->items[i];
    }
    out->count = kept;
}

void annotations_collect(struct model *model, CXCursor decl, struct decl_annotations *out)
{
    memset(out, 0, sizeof *out);
    if (clang_Cursor_isNull(decl) || !clang_Cursor_hasAttrs(decl))
        return;
    struct collect_state state = {model, out, frontend_is_system(decl)};
    out->system = state.system;
    clang_visitChildren(decl, visit_attribute, &state);
    drop_clang_duplicates(out);
}
