#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/nolint.h"
#include "diag/sink.h"
#include "diag/strtab.h"
#include "support/memory.h"

/* What a run sink shares with its TU sinks. */
struct diag_shared {
    const struct diag_filter *filter;
    struct source_files *sources;
    pthread_mutex_t names_lock;
    struct strtab *names; /* file -> its canonical path (heap string) */
};

struct diag_sink {
    struct diag_shared *shared;
    bool owns_shared;
    const char *main_canonical; /* TU sinks: canonical path of the main file */
    pthread_mutex_t lock;
    struct diagnostic **items;
    unsigned count, capacity, suppressed;
    bool finished;
};

static struct diag_sink *sink_alloc(struct diag_shared *shared, bool owns_shared)
{
    struct diag_sink *sink = checked_alloc(calloc(1, sizeof *sink));
    sink->shared = shared;
    sink->owns_shared = owns_shared;
    pthread_mutex_init(&sink->lock, NULL);
    return sink;
}

struct diag_sink *diag_sink_new(const struct diag_filter *filter)
{
    struct diag_shared *shared = checked_alloc(calloc(1, sizeof *shared));
    shared->filter = filter;
    shared->sources = source_files_new();
    shared->names = strtab_new();
    pthread_mutex_init(&shared->names_lock, NULL);
    return sink_alloc(shared, true);
}

/* Interns `file` and returns the interned copy; *canonical gets its real path. */
static const char *intern_file(struct diag_shared *shared, const char *file, const char **canonical)
{
    pthread_mutex_lock(&shared->names_lock);
    const char *interned = strtab_intern(shared->names, file);
    char *real = strtab_get(shared->names, file);
    if (!real) {
        real = realpath(file, NULL);
        if (!real)
            real = checked_alloc(strdup(file)); /* not on disk (yet): its name is all we have */
        strtab_put(shared->names, file, real);
    }
    pthread_mutex_unlock(&shared->names_lock);
    if (canonical)
        *canonical = real;
    return interned;
}

const char *diag_sink_intern(struct diag_sink *sink, const char *file)
{
    return file ? intern_file(sink->shared, file, NULL) : NULL;
}

struct diag_sink *diag_sink_new_tu(struct diag_sink *run, const char *main_file)
{
    struct diag_sink *sink = sink_alloc(run->shared, false);
    if (main_file)
        intern_file(run->shared, main_file, &sink->main_canonical);
    return sink;
}

void diag_sink_free(struct diag_sink *sink)
{
    if (!sink)
        return;
    for (unsigned i = 0; i < sink->count; i++)
        diag_free(sink->items[i]);
    free(sink->items);
    pthread_mutex_destroy(&sink->lock);
    if (sink->owns_shared) {
        source_files_free(sink->shared->sources);
        strtab_free(sink->shared->names, free);
        pthread_mutex_destroy(&sink->shared->names_lock);
        free(sink->shared);
    }
    free(sink);
}

void diag_sink_set_source(struct diag_sink *sink, const char *file, const char *text,
                          size_t length)
{
    source_files_set(sink->shared->sources, diag_sink_intern(sink, file), text, length);
}

struct source_files *diag_sink_sources(const struct diag_sink *sink)
{
    return sink->shared->sources;
}

static void intern_range(struct diag_shared *shared, struct source_range *range)
{
    if (range->begin.file)
        range->begin.file = intern_file(shared, range->begin.file, NULL);
    if (range->end.file)
        range->end.file = intern_file(shared, range->end.file, NULL);
}

/* Whether the sink's filter, header rule and NOLINT comments let `diag` through. */
static bool wanted(struct diag_sink *sink, const struct diagnostic *diag)
{
    const struct diag_filter *filter = sink->shared->filter;
    const char *file = diag->range.begin.file;
    if (strncmp(diag->check, "clang-diagnostic-", 17) == 0)
        return true; /* compile errors are never hidden */
    if (!diag_filter_check_enabled(filter, diag->check) || !file)
        return false;
    const char *canonical;
    intern_file(sink->shared, file, &canonical);
    if (!diag_filter_file_wanted(filter, canonical, sink->main_canonical) &&
        !diag_filter_file_wanted(filter, file, sink->main_canonical))
        return false;
    unsigned line_count;
    const struct source_line *lines = source_files_lines(sink->shared->sources, file, &line_count);
    if (nolint_suppresses(lines, line_count, diag->range.begin.line, diag->check)) {
        __atomic_fetch_add(&sink->suppressed, 1, __ATOMIC_RELAXED);
        return false;
    }
    return true;
}

static void append(struct diag_sink *sink, struct diagnostic *diag)
{
    if (sink->count == sink->capacity) {
        sink->capacity = sink->capacity ? sink->capacity * 2 : 16;
        sink->items = checked_alloc(realloc(sink->items, sink->capacity * sizeof *sink->items));
    }
    sink->items[sink->count++] = diag;
    sink->finished = false;
}

void diag_report(struct diag_sink *sink, struct diagnostic *diag)
{
    if (!sink || !diag) {
        diag_free(diag);
        return;
    }
    intern_range(sink->shared, &diag->range);
    for (unsigned i = 0; i < diag->note_count; i++)
        intern_range(sink->shared, &diag->notes[i].range);
    if (!wanted(sink, diag)) {
        diag_free(diag);
        return;
    }
    pthread_mutex_lock(&sink->lock);
    append(sink, diag);
    pthread_mutex_unlock(&sink->lock);
}

void diag_sink_merge(struct diag_sink *run, struct diag_sink *tu)
{
    pthread_mutex_lock(&tu->lock);
    pthread_mutex_lock(&run->lock);
    for (unsigned i = 0; i < tu->count; i++)
        append(run, tu->items[i]);
    run->suppressed += tu->suppressed;
    pthread_mutex_unlock(&run->lock);
    tu->count = 0;
    tu->suppressed = 0;
    pthread_mutex_unlock(&tu->lock);
}

static int compare_text(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return a == b ? 0 : strcmp(a, b);
}

static int compare_unsigned(unsigned a, unsigned b)
{
    return (a > b) - (a < b);
}

static int compare_range(const struct source_range *a, const struct source_range *b)
{
    int order = compare_text(a->begin.file, b->begin.file);
    if (!order)
        order = compare_unsigned(a->begin.line, b->begin.line);
    if (!order)
        order = compare_unsigned(a->begin.column, b->begin.column);
    if (!order)
        order = compare_unsigned(a->end.line, b->end.line);
    if (!order)
        order = compare_unsigned(a->end.column, b->end.column);
    return order;
}

/* Total order, so that equal diagnostics end up side by side. */
static int compare_diagnostics(const void *left, const void *right)
{
    const struct diagnostic *a = *(struct diagnostic *const *)left;
    const struct diagnostic *b = *(struct diagnostic *const *)right;
    int order = compare_range(&a->range, &b->range);
    if (!order)
        order = compare_unsigned(b->severity, a->severity);
    if (!order)
        order = strcmp(a->check, b->check);
    if (!order)
        order = strcmp(a->message, b->message);
    if (!order)
        order = compare_unsigned(a->note_count, b->note_count);
    for (unsigned i = 0; !order && i < a->note_count; i++) {
        order = compare_range(&a->notes[i].range, &b->notes[i].range);
        if (!order)
            order = strcmp(a->notes[i].message, b->notes[i].message);
    }
    return order;
}

void diag_sink_finish(struct diag_sink *sink)
{
    if (sink->finished)
        return;
    if (sink->count > 1)
        qsort(sink->items, sink->count, sizeof *sink->items, compare_diagnostics);
    unsigned kept = 0;
    for (unsigned i = 0; i < sink->count; i++) {
        if (kept && compare_diagnostics(&sink->items[kept - 1], &sink->items[i]) == 0)
            diag_free(sink->items[i]);
        else
            sink->items[kept++] = sink->items[i];
    }
    sink->count = kept;
    sink->finished = true;
}

unsigned diag_sink_count(const struct diag_sink *sink)
{
    return sink->count;
}

const struct diagnostic *diag_sink_at(const struct diag_sink *sink, unsigned index)
{
    return index < sink->count ? sink->items[index] : NULL;
}

unsigned diag_sink_severity_count(const struct diag_sink *sink, enum severity severity)
{
    unsigned count = 0;
    for (unsigned i = 0; i < sink->count; i++)
        count += sink->items[i]->severity == severity;
    return count;
}

unsigned diag_sink_file_count(const struct diag_sink *sink)
{
    unsigned count = 0;
    for (unsigned i = 0; i < sink->count; i++) {
        const char *file = sink->items[i]->range.begin.file;
        bool seen = !file; /* findings without a file (a missing input) name none */
        for (unsigned j = 0; j < i && !seen; j++)
            seen = sink->items[j]->range.begin.file == file;
        count += !seen;
    }
    return count;
}

unsigned diag_sink_suppressed_count(const struct diag_sink *sink)
{
    return sink->suppressed;
}

void diag_sink_remove_if(struct diag_sink *sink,
                         bool (*drop)(const struct diagnostic *diag, void *data), void *data)
{
    unsigned kept = 0;
    for (unsigned i = 0; i < sink->count; i++) {
        if (drop(sink->items[i], data))
            diag_free(sink->items[i]);
        else
            sink->items[kept++] = sink->items[i];
    }
    sink->count = kept;
}
