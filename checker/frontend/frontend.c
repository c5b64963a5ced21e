/* Parsing with libclang: one CXIndex per call (libclang indexes are not shared between
 * threads), the user's flags plus our resource directory so that system headers resolve
 * exactly as for clang-19 itself. */
#include "frontend/frontend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support/arena.h"

#ifndef FEARLESS_CLANG_RESOURCE_DIR
#define FEARLESS_CLANG_RESOURCE_DIR "/usr/lib/llvm-19/lib/clang/19"
#endif

char *frontend_take_string(struct arena *arena, CXString string)
{
    const char *text = clang_getCString(string);
    char *copy = arena_strdup(arena, text ? text : "");
    clang_disposeString(string);
    return copy;
}

static const char *file_name(struct frontend *frontend, CXFile file)
{
    if (!file)
        return NULL;
    const char *name = intmap_get(&frontend->file_names, (uintptr_t)file);
    if (!name) {
        name = frontend_take_string(frontend->arena, clang_getFileName(file));
        intmap_put(&frontend->file_names, (uintptr_t)file, (void *)name);
    }
    return name;
}

/* clang's "file location": code written in a macro body is placed at the macro use, a
 * macro argument at the argument itself (`CHECK(p->x)` points at `p->x`), like clang's
 * own diagnostics. */
struct source_location frontend_location(struct frontend *frontend, CXSourceLocation location)
{
    CXFile file;
    unsigned line, column, offset;
    clang_getFileLocation(location, &file, &line, &column, &offset);
    struct source_location result = {file_name(frontend, file), line, column};
    return result;
}

struct source_range frontend_range(struct frontend *frontend, CXSourceRange range)
{
    struct source_range result;
    result.begin = frontend_location(frontend, clang_getRangeStart(range));
    result.end = frontend_location(frontend, clang_getRangeEnd(range));
    if (result.end.file != result.begin.file || result.end.line < result.begin.line ||
        (result.end.line == result.begin.line && result.end.column <= result.begin.column)) {
        /* A macro use or an empty range: a single point at its start. */
        result.end = result.begin;
    } else if (result.end.column > 1) {
        result.end.column--; /* clang's end is one past the last character */
    }
    return result;
}

struct source_range frontend_cursor_range(struct frontend *frontend, CXCursor cursor)
{
    return frontend_range(frontend, clang_getCursorExtent(cursor));
}

bool frontend_is_system(CXCursor cursor)
{
    return clang_Location_isInSystemHeader(clang_getCursorLocation(cursor)) != 0;
}

static void report_error(struct diag_sink *sink, struct source_range range, const char *message)
{
    diag_report(sink, diag_new("clang-diagnostic-error", SEVERITY_ERROR, range, "%s", message));
}

/* Sends clang's errors to the sink; returns how many there were. */
static unsigned report_clang_errors(struct frontend *frontend, struct diag_sink *sink)
{
    unsigned errors = 0, count = clang_getNumDiagnostics(frontend->tu);
    frontend->errors = ARENA_ARRAY(frontend->arena, struct source_location, count + 1);
    for (unsigned i = 0; i < count; i++) {
        CXDiagnostic diagnostic = clang_getDiagnostic(frontend->tu, i);
        enum CXDiagnosticSeverity severity = clang_getDiagnosticSeverity(diagnostic);
        if (severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal) {
            struct source_range range;
            range.begin = frontend_location(frontend, clang_getDiagnosticLocation(diagnostic));
            range.end = range.begin;
            if (errors < count)
                frontend->errors[errors] = range.begin;
            CXString text = clang_getDiagnosticSpelling(diagnostic);
            report_error(sink, range, clang_getCString(text));
            clang_disposeString(text);
            errors++;
        }
        clang_disposeDiagnostic(diagnostic);
    }
    frontend->error_count = errors;
    return errors;
}

static bool location_before(struct source_location a, struct source_location b)
{
    return a.line < b.line || (a.line == b.line && a.column < b.column);
}

bool frontend_range_has_error(const struct frontend *frontend, struct source_range range)
{
    for (unsigned i = 0; i < frontend->error_count; i++) {
        struct source_location error = frontend->errors[i];
        if (error.file == range.begin.file && !location_before(error, range.begin) &&
            !location_before(range.end, error))
            return true;
    }
    return false;
}

static const char *joined_path(struct arena *arena, const struct tu_input *input)
{
    if (input->file[0] == '/' || !input->directory || !input->directory[0])
        return arena_strdup(arena, input->file);
    return arena_printf(arena, "%s/%s", input->directory, input->file);
}

/* The user's flags, then ours: later flags win, so the resource directory is ours. */
static const char **build_arguments(struct arena *arena, const struct tu_input *input, int *count)
{
    int extra = 7;
    const char **arguments = ARENA_ARRAY(arena, const char *, (size_t)input->argument_count + extra);
    int used = 0;
    for (int i = 0; i < input->argument_count; i++)
        if (input->arguments[i])
            arguments[used++] = input->arguments[i];
    arguments[used++] = "-resource-dir";
    arguments[used++] = FEARLESS_CLANG_RESOURCE_DIR;
    arguments[used++] = "-ferror-limit=0";
    /* The user's -Werror must not turn a warning clang has (and their compiler has not)
     * into "could not analyze"; errors proper stay errors. */
    arguments[used++] = "-Wno-error";
    if (input->directory && input->directory[0]) {
        arguments[used++] = "-working-directory";
        arguments[used++] = input->directory;
    }
    *count = used;
    return arguments;
}

static const char *parse_error_text(enum CXErrorCode code)
{
    switch (code) {
    case CXError_Crashed: return "libclang crashed while parsing";
    case CXError_InvalidArguments: return "libclang rejected the arguments";
    case CXError_ASTReadError: return "libclang could not read an AST file";
    default: return "libclang failed to parse";
    }
}

enum pipeline_status frontend_parse(struct frontend *frontend, const struct tu_input *input,
                                    struct arena *arena, struct diag_sink *sink)
{
    memset(frontend, 0, sizeof *frontend);
    frontend->arena = arena;
    hashmap_init(&frontend->file_names);
    struct source_range nowhere = {{NULL, 0, 0}, {NULL, 0, 0}};
    if (!input || !input->file || !input->file[0]) {
        report_error(sink, nowhere, "no input file");
        return PIPELINE_FAILED;
    }
    frontend->main_file = joined_path(arena, input);
    if (!input->unsaved_contents && access(frontend->main_file, R_OK) != 0) {
        char *message = arena_printf(arena, "no such file or directory: '%s'", input->file);
        report_error(sink, nowhere, message);
        return PIPELINE_FAILED;
    }
    int argument_count;
    const char **arguments = build_arguments(arena, input, &argument_count);
    struct CXUnsavedFile unsaved = {frontend->main_file, input->unsaved_contents,
                                    (unsigned long)input->unsaved_length};
    frontend->index = clang_createIndex(0, 0);
    unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    enum CXErrorCode code = clang_parseTranslationUnit2(
        frontend->index, frontend->main_file, arguments, argument_count,
        input->unsaved_contents ? &unsaved : NULL, input->unsaved_contents ? 1 : 0, flags,
        &frontend->tu);
    if (code != CXError_Success || !frontend->tu) {
        char *message = arena_printf(arena, "%s '%s'", parse_error_text(code), input->file);
        report_error(sink, nowhere, message);
        return PIPELINE_FAILED;
    }
    if (report_clang_errors(frontend, sink))
        return PIPELINE_COMPILE_ERRORS;
    return PIPELINE_ANALYZED;
}

void frontend_dispose(struct frontend *frontend)
{
    if (frontend->tu)
        clang_disposeTranslationUnit(frontend->tu);
    if (frontend->index)
        clang_disposeIndex(frontend->index);
    hashmap_destroy(&frontend->file_names);
    frontend->tu = NULL;
    frontend->index = NULL;
}

struct inclusion_visit {
    void (*visit)(const char *file, void *data);
    void *data;
    struct frontend *frontend;
};

static void on_inclusion(CXFile included, CXSourceLocation *stack, unsigned depth, CXClientData data)
{
    (void)stack;
    (void)depth;
    struct inclusion_visit *visit = data;
    const char *name = file_name(visit->frontend, included);
    if (name)
        visit->visit(name, visit->data);
}

void frontend_for_each_inclusion(struct frontend *frontend,
                                 void (*visit)(const char *file, void *data), void *data)
{
    struct inclusion_visit state = {visit, data, frontend};
    if (frontend->tu)
        clang_getInclusions(frontend->tu, on_inclusion, &state);
}
