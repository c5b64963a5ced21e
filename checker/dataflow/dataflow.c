/* The forward dataflow engine: round-robin passes in reverse post-order over the blocks
 * that still have a changed in-state (each pass visits pending blocks in RPO, so a loop
 * body is revisited only after its back edge changed the header), widening at loop
 * headers after DATAFLOW_WIDEN_AFTER visits, then one reporting replay per reached block. */
#include "dataflow/dataflow.h"
#include "support/memory.h"

#include <stdio.h>
#include <stdlib.h>

#define DATAFLOW_WIDEN_AFTER 3
/* A lattice whose join never stabilizes (a bug in an analysis) must not hang the run. */
#define DATAFLOW_MAX_VISITS_PER_BLOCK 200

struct dataflow_result {
    const struct dataflow_ops *ops;
    void *context;
    unsigned block_count;
    void **in_states; /* indexed by block id; NULL: never reached */
};

static void *checked_calloc(size_t count, size_t size)
{
    return checked_alloc(calloc(count ? count : 1, size));
}

/* Runs the instructions and terminator of `block` on a copy of its in-state. */
static void *run_block(struct dataflow_result *result, const struct block *block, bool report)
{
    const struct dataflow_ops *ops = result->ops;
    void *state = ops->copy(result->context, result->in_states[block->id]);
    if (ops->transfer_inst)
        for (unsigned i = 0; i < block->inst_count; i++)
            ops->transfer_inst(result->context, state, block, &block->insts[i], report);
    if (ops->transfer_terminator)
        ops->transfer_terminator(result->context, state, block, report);
    return state;
}

/* Propagates the out-state along one edge; returns true when the target must be visited. */
static bool propagate(struct dataflow_result *result, const struct edge *edge, const void *out,
                      const unsigned *visits)
{
    const struct dataflow_ops *ops = result->ops;
    void *along = ops->copy(result->context, out);
    if (ops->transfer_edge)
        ops->transfer_edge(result->context, along, edge, false);
    unsigned target = edge->to->id;
    bool first = result->in_states[target] == NULL;
    if (first)
        result->in_states[target] = ops->bottom_state(result->context);
    bool widen = edge->to->loop_header && visits[target] >= DATAFLOW_WIDEN_AFTER && ops->widen;
    bool changed = widen ? ops->widen(result->context, result->in_states[target], along, edge)
                         : ops->join(result->context, result->in_states[target], along, edge);
    ops->release(result->context, along);
    return changed || first;
}

static void solve(struct dataflow_result *result, const struct ir_function *function)
{
    unsigned n = function->block_count;
    bool *pending = checked_calloc(n, sizeof *pending);
    unsigned *visits = checked_calloc(n, sizeof *visits);
    pending[function->entry->id] = true;
    bool any = true;
    while (any) {
        any = false;
        for (unsigned b = 0; b < n; b++) {
            if (!pending[b])
                continue;
            pending[b] = false;
            if (visits[b]++ >= DATAFLOW_MAX_VISITS_PER_BLOCK)
                continue;
            const struct block *block = function->blocks[b];
            void *out = run_block(result, block, false);
            for (unsigned s = 0; s < block->successor_count; s++) {
                const struct edge *edge = &block->successors[s];
                if (propagate(result, edge, out, visits)) {
                    pending[edge->to->id] = true;
                    any = true;
                }
            }
            result->ops->release(result->context, out);
        }
    }
    free(pending);
    free(visits);
}

/* The reporting replay: each reached block once, from its fixed in-state. */
static void replay(struct dataflow_result *result, const struct ir_function *function)
{
    const struct dataflow_ops *ops = result->ops;
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        if (!result->in_states[b])
            continue;
        void *out = run_block(result, block, true);
        if (ops->transfer_edge) {
            for (unsigned s = 0; s < block->successor_count; s++) {
                void *along = ops->copy(result->context, out);
                ops->transfer_edge(result->context, along, &block->successors[s], true);
                ops->release(result->context, along);
            }
        }
        ops->release(result->context, out);
    }
}

struct dataflow_result *dataflow_run(const struct ir_function *function,
                                     const struct dataflow_ops *ops, void *context)
{
    struct dataflow_result *result = checked_calloc(1, sizeof *result);
    result->ops = ops;
    result->context = context;
    result->block_count = function->block_count;
    result->in_states = checked_calloc(function->block_count, sizeof *result->in_states);
    if (function->block_count == 0 || !function->entry)
        return result;
    result->in_states[function->entry->id] = ops->entry_state(context, function);
    solve(result, function);
    replay(result, function);
    return result;
}

const void *dataflow_in_state(const struct dataflow_result *result, const struct block *block)
{
    if (!result || !block || block->id >= result->block_count)
        return NULL;
    return result->in_states[block->id];
}

void dataflow_result_free(struct dataflow_result *result)
{
    if (!result)
        return;
    for (unsigned b = 0; b < result->block_count; b++)
        if (result->in_states[b])
            result->ops->release(result->context, result->in_states[b]);
    free(result->in_states);
    free(result);
}
