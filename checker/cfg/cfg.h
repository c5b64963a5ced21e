/* Building a function's CFG: blocks are created and filled in any order while the body is
 * lowered; cfg_finalize then keeps the blocks reachable from the entry, numbers them in
 * reverse post-order, and computes predecessors, back edges, loop headers and depths. */
#ifndef FEARLESS_CFG_H
#define FEARLESS_CFG_H

#include "ir/ir.h"
#include "support/vec.h"

struct cfg {
    struct arena *arena;   /* the TU's: blocks and the final arrays */
    struct arena *scratch; /* growing arrays while building, freed by cfg_dispose */
    struct vec blocks;     /* every block created, in creation order */
};

void cfg_init(struct cfg *cfg, struct arena *arena);
void cfg_dispose(struct cfg *cfg);
struct block *cfg_new_block(struct cfg *cfg);
/* Appends a copy of `inst`; returns the stored instruction. */
struct inst *cfg_append(struct cfg *cfg, struct block *block, const struct inst *inst);
void cfg_add_edge(struct cfg *cfg, struct block *from, struct block *to, bool is_default,
                  long long case_value);
/* Fills function->blocks, block_count, entry and exit. */
void cfg_finalize(struct cfg *cfg, struct ir_function *function, struct block *entry,
                  struct block *exit);

#endif
