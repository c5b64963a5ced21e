/* Test helper for the engine's unit tests: parses a C snippet given as a string (an
 * unsaved file, no disk access), builds the model and lowers it. */
#ifndef FEARLESS_TEST_ENGINE_SNIPPET_H
#define FEARLESS_TEST_ENGINE_SNIPPET_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag/sink.h"
#include "frontend/frontend.h"
#include "ir/ir.h"
#include "ir/lower.h"
#include "model/build.h"
#include "support/arena.h"

struct snippet {
    struct arena *arena;
    struct frontend frontend;
    struct diag_sink *sink;
    struct model *model;
    struct ir_tu *tu;
    enum pipeline_status status;
};

/* `code` is compiled as gnu11 with annotations/ and include/ on the include path. */
static inline struct snippet *snippet_parse(const char *code)
{
    struct snippet *snippet = calloc(1, sizeof *snippet);
    snippet->arena = arena_new();
    snippet->sink = diag_sink_new(NULL);
    static const char *const arguments[] = {
        "-std=gnu11", "-I" FEARLESS_SOURCE_DIR "/annotations", "-I" FEARLESS_SOURCE_DIR "/include",
    };
    struct tu_input input = {"snippet.c", NULL, 3, arguments, code, strlen(code)};
    snippet->status = frontend_parse(&snippet->frontend, &input, snippet->arena, snippet->sink);
    if (snippet->status == PIPELINE_ANALYZED) {
        snippet->model = model_build(&snippet->frontend, snippet->arena);
        snippet->tu = lower_tu(&snippet->frontend, snippet->model, snippet->arena);
    }
    return snippet;
}

static inline struct snippet *snippet_lower(const char *code)
{
    struct snippet *snippet = snippet_parse(code);
    for (unsigned i = 0; snippet->status != PIPELINE_ANALYZED && i < diag_sink_count(snippet->sink); i++) {
        const struct diagnostic *diag = diag_sink_at(snippet->sink, i);
        fprintf(stderr, "snippet:%u:%u: %s\n", diag->range.begin.line, diag->range.begin.column,
                diag->message);
    }
    ck_assert_int_eq(snippet->status, PIPELINE_ANALYZED);
    return snippet;
}

static inline void snippet_free(struct snippet *snippet)
{
    model_free(snippet->model);
    frontend_dispose(&snippet->frontend);
    diag_sink_free(snippet->sink);
    arena_free(snippet->arena);
    free(snippet);
}

static inline struct ir_function *snippet_function(struct snippet *snippet, const char *name)
{
    for (unsigned i = 0; snippet->tu && i < snippet->tu->function_count; i++)
        if (strcmp(snippet->tu->functions[i]->name, name) == 0)
            return snippet->tu->functions[i];
    ck_abort_msg("no function '%s' in the snippet", name);
    return NULL;
}

/* The dump of a function, for substring assertions and failure messages. */
static inline char *snippet_dump(const struct ir_function *function)
{
    char *text = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    ir_dump_function(function, out);
    fclose(out);
    return text;
}

/* Counts instructions of `kind` over the reachable blocks. */
static inline unsigned snippet_count_insts(const struct ir_function *function, enum inst_kind kind)
{
    unsigned count = 0;
    for (unsigned b = 0; b < function->block_count; b++)
        for (unsigned i = 0; i < function->blocks[b]->inst_count; i++)
            count += function->blocks[b]->insts[i].kind == kind;
    return count;
}

static inline unsigned snippet_count_back_edges(const struct ir_function *function)
{
    unsigned count = 0;
    for (unsigned b = 0; b < function->block_count; b++)
        for (unsigned s = 0; s < function->blocks[b]->successor_count; s++)
            count += function->blocks[b]->successors[s].back_edge;
    return count;
}

static inline unsigned snippet_count_terms(const struct ir_function *function, enum terminator_kind kind)
{
    unsigned count = 0;
    for (unsigned b = 0; b < function->block_count; b++)
        count += function->blocks[b]->terminator.kind == kind && function->blocks[b] != function->exit;
    return count;
}

/* Shape invariants every CFG must satisfy (ids, RPO, edges, predecessors). */
static inline void snippet_check_invariants(const struct ir_function *function)
{
    ck_assert_ptr_eq(function->blocks[0], function->entry);
    ck_assert_uint_eq(function->entry->predecessor_count, 0);
    bool exit_listed = false;
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        ck_assert_uint_eq(block->id, b);
        exit_listed = exit_listed || block == function->exit;
        for (unsigned s = 0; s < block->successor_count; s++) {
            const struct edge *edge = &block->successors[s];
            ck_assert_ptr_eq(edge->from, block);
            ck_assert_uint_eq(edge->index, s);
            ck_assert_ptr_eq(function->blocks[edge->to->id], edge->to);
            /* Reverse post-order: only back edges go to an earlier (or the same) block. */
            if (!edge->back_edge)
                ck_assert_uint_gt(edge->to->id, block->id);
            else
                ck_assert(edge->to->loop_header);
            bool listed = false;
            for (unsigned p = 0; p < edge->to->predecessor_count; p++)
                listed = listed || edge->to->predecessors[p] == edge;
            ck_assert(listed);
        }
    }
    ck_assert(exit_listed);
    ck_assert_uint_eq(function->exit->successor_count, 0);
    ck_assert_uint_eq(function->exit->inst_count, 0);
}

#endif
