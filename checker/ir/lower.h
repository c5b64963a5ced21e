/* Lowering a parsed TU into the IR: every function definition of the main file and of
 * non-system headers, except those containing one of clang's errors (recovery leaves
 * invalid expressions there). */
#ifndef FEARLESS_IR_LOWER_H
#define FEARLESS_IR_LOWER_H

#include "frontend/frontend.h"
#include "ir/ir.h"

struct ir_tu *lower_tu(struct frontend *frontend, struct model *model, struct arena *arena);

#endif
