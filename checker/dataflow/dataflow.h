/* One generic forward dataflow engine over the IR's CFG, used by every analysis.
 *
 * An analysis supplies its lattice through `dataflow_ops`; the engine iterates a worklist
 * (reverse post-order) to a fixpoint with `report` false, widening at loop headers after
 * a few visits, then replays each reachable block once from its fixed in-state with
 * `report` true. So transfer functions may emit diagnostics or record per-instruction facts
 * only when `report` is set, and every finding is reported exactly once. */
#ifndef FEARLESS_DATAFLOW_H
#define FEARLESS_DATAFLOW_H

#include <stdbool.h>

#include "ir/ir.h"

struct dataflow_ops {
    /* State at function entry. States are opaque to the engine. */
    void *(*entry_state)(void *context, const struct ir_function *function);
    /* The bottom element (unreached). */
    void *(*bottom_state)(void *context);
    void *(*copy)(void *context, const void *state);
    void (*release)(void *context, void *state);
    /* into := into JOIN from, for a value arriving along `edge`. Returns true when
     * `into` changed. */
    bool (*join)(void *context, void *into, const void *from, const struct edge *edge);
    /* Optional: into := into WIDEN from at loop headers after several visits. NULL: join. */
    bool (*widen)(void *context, void *into, const void *from, const struct edge *edge);
    /* Optional per instruction. */
    void (*transfer_inst)(void *context, void *state, const struct block *block,
                          const struct inst *inst, bool report);
    /* Optional: the state leaving `block` along `edge` (refine on branch conditions:
     * trylock, MOVED_IF, spawn success). Called after all instructions of the block. */
    void (*transfer_edge)(void *context, void *state, const struct edge *edge, bool report);
    /* Optional: the terminator itself (return: end of every local's lifetime). */
    void (*transfer_terminator)(void *context, void *state, const struct block *block,
                                bool report);
};

struct dataflow_result;

/* Runs the analysis on one function: fixpoint, then the reporting replay. */
struct dataflow_result *dataflow_run(const struct ir_function *function,
                                     const struct dataflow_ops *ops, void *context);
/* The fixed in-state of a block (NULL when unreachable); of function->exit: the state at
 * function exit. Owned by the result. */
const void *dataflow_in_state(const struct dataflow_result *result, const struct block *block);
void dataflow_result_free(struct dataflow_result *result);

#endif
