#include "cfg/cfg.h"

#include <stdlib.h>
#include <string.h>

#include "support/arena.h"

/* A block under construction: capacities of its growing arrays. */
struct cfg_block {
    struct block block; /* first: a struct block * is a struct cfg_block * */
    unsigned inst_capacity, successor_capacity;
    unsigned creation;  /* index in cfg->blocks */
};

void cfg_init(struct cfg *cfg, struct arena *arena)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->arena = arena;
    cfg->scratch = arena_new();
}

void cfg_dispose(struct cfg *cfg)
{
    vec_free(&cfg->blocks);
    arena_free(cfg->scratch);
    cfg->scratch = NULL;
}

struct block *cfg_new_block(struct cfg *cfg)
{
    struct cfg_block *block = ARENA_NEW(cfg->arena, struct cfg_block);
    block->creation = (unsigned)cfg->blocks.count;
    block->block.terminator.kind = TERM_GOTO;
    vec_push(&cfg->blocks, block);
    return &block->block;
}

/* Grows an arena array by doubling (the old copy stays in the arena until the TU ends). */
static void *grow(struct arena *arena, void *items, unsigned count, unsigned *capacity, size_t size)
{
    if (count < *capacity)
        return items;
    unsigned bigger = *capacity ? *capacity * 2 : 4;
    void *copy = arena_alloc(arena, bigger * size);
    if (count)
        memcpy(copy, items, count * size);
    *capacity = bigger;
    return copy;
}

struct inst *cfg_append(struct cfg *cfg, struct block *block, const struct inst *inst)
{
    struct cfg_block *building = (struct cfg_block *)block;
    block->insts = grow(cfg->scratch, block->insts, block->inst_count, &building->inst_capacity,
                        sizeof *block->insts);
    block->insts[block->inst_count] = *inst;
    return &block->insts[block->inst_count++];
}

void cfg_add_edge(struct cfg *cfg, struct block *from, struct block *to, bool is_default,
                  long long case_value)
{
    struct cfg_block *building = (struct cfg_block *)from;
    from->successors = grow(cfg->scratch, from->successors, from->successor_count,
                            &building->successor_capacity, sizeof *from->successors);
    struct edge *edge = &from->successors[from->successor_count];
    memset(edge, 0, sizeof *edge);
    edge->from = from;
    edge->to = to;
    edge->is_default = is_default;
    edge->case_value = case_value;
    edge->index = from->successor_count++;
}

static unsigned creation_of(const struct block *block)
{
    return ((const struct cfg_block *)block)->creation;
}

struct dfs_frame {
    struct block *block;
    unsigned next;
};

/* Iterative DFS from the entry: post-order into `order`, back edges marked. */
static unsigned depth_first(struct cfg *cfg, struct block *entry, struct block **order)
{
    size_t n = cfg->blocks.count;
    unsigned char *state = calloc(n, 1); /* 0 new, 1 on the DFS stack, 2 done */
    struct dfs_frame *stack = malloc(n * sizeof *stack);
    if (!state || !stack)
        abort();
    unsigned depth = 0, emitted = 0;
    stack[depth++] = (struct dfs_frame){entry, 0};
    state[creation_of(entry)] = 1;
    while (depth) {
        struct dfs_frame *frame = &stack[depth - 1];
        struct block *block = frame->block;
        if (frame->next < block->successor_count) {
            struct edge *edge = &block->successors[frame->next++];
            unsigned target = creation_of(edge->to);
            if (state[target] == 0) {
                state[target] = 1;
                stack[depth++] = (struct dfs_frame){edge->to, 0};
            } else if (state[target] == 1) {
                edge->back_edge = true;
                edge->to->loop_header = true;
            }
            continue;
        }
        state[creation_of(block)] = 2;
        order[emitted++] = block;
        depth--;
    }
    free(state);
    free(stack);
    return emitted;
}

static void link_predecessors(struct ir_function *function)
{
    for (unsigned b = 0; b < function->block_count; b++)
        function->blocks[b]->predecessor_count = 0;
    for (unsigned b = 0; b < function->block_count; b++) {
        struct block *block = function->blocks[b];
        for (unsigned s = 0; s < block->successor_count; s++)
            block->successors[s].to->predecessor_count++;
    }
}

static void fill_predecessors(struct cfg *cfg, struct ir_function *function)
{
    link_predecessors(function);
    for (unsigned b = 0; b < function->block_count; b++) {
        struct block *block = function->blocks[b];
        block->predecessors = ARENA_ARRAY(cfg->arena, struct edge *, block->predecessor_count + 1);
        block->predecessor_count = 0;
    }
    for (unsigned b = 0; b < function->block_count; b++) {
        struct block *block = function->blocks[b];
        for (unsigned s = 0; s < block->successor_count; s++) {
            struct edge *edge = &block->successors[s];
            edge->to->predecessors[edge->to->predecessor_count++] = edge;
        }
    }
}

/* Loop depth: every block of a natural loop (reaching a back edge's source without going
 * through the header) is one level deeper. */
static void compute_loop_depths(struct ir_function *function)
{
    unsigned n = function->block_count;
    unsigned *mark = calloc(n, sizeof *mark);
    struct block **work = malloc(n * sizeof *work);
    if (!mark || !work)
        abort();
    unsigned stamp = 0;
    for (unsigned h = 0; h < n; h++) {
        struct block *header = function->blocks[h];
        if (!header->loop_header)
            continue;
        stamp++;
        unsigned size = 0;
        mark[header->id] = stamp;
        header->loop_depth++;
        for (unsigned p = 0; p < header->predecessor_count; p++) {
            struct edge *edge = header->predecessors[p];
            if (edge->back_edge && mark[edge->from->id] != stamp) {
                mark[edge->from->id] = stamp;
                work[size++] = edge->from;
            }
        }
        while (size) {
            struct block *block = work[--size];
            block->loop_depth++;
            for (unsigned p = 0; p < block->predecessor_count; p++) {
                struct block *from = block->predecessors[p]->from;
                if (mark[from->id] != stamp) {
                    mark[from->id] = stamp;
                    work[size++] = from;
                }
            }
        }
    }
    free(mark);
    free(work);
}

/* The kept blocks' arrays move from the scratch arena to the TU's, at their exact size.
 * Edges are copied before any pointer to them is taken (predecessors come after). */
static void compact(struct cfg *cfg, struct ir_function *function)
{
    for (unsigned b = 0; b < function->block_count; b++) {
        struct block *block = function->blocks[b];
        block->insts = arena_copy(cfg->arena, block->insts, block->inst_count * sizeof *block->insts);
        block->successors = arena_copy(cfg->arena, block->successors,
                                       block->successor_count * sizeof *block->successors);
        ((struct cfg_block *)block)->inst_capacity = block->inst_count;
        ((struct cfg_block *)block)->successor_capacity = block->successor_count;
    }
}

void cfg_finalize(struct cfg *cfg, struct ir_function *function, struct block *entry,
                  struct block *exit)
{
    size_t n = cfg->blocks.count;
    struct block **post = malloc((n + 1) * sizeof *post);
    if (!post)
        abort();
    unsigned reached = depth_first(cfg, entry, post);
    bool exit_reached = false;
    for (unsigned i = 0; i < reached; i++)
        exit_reached = exit_reached || post[i] == exit;
    unsigned total = reached + (exit_reached ? 0 : 1);
    function->blocks = ARENA_ARRAY(cfg->arena, struct block *, total);
    for (unsigned i = 0; i < reached; i++)
        function->blocks[i] = post[reached - 1 - i];
    if (!exit_reached)
        function->blocks[reached] = exit;
    function->block_count = total;
    for (unsigned i = 0; i < total; i++)
        function->blocks[i]->id = i;
    exit->terminator.kind = TERM_UNREACHABLE;
    exit->successor_count = 0;
    function->entry = entry;
    function->exit = exit;
    free(post);
    compact(cfg, function);
    fill_predecessors(cfg, function);
    compute_loop_depths(function);
}
