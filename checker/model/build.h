/* Building the model of a parsed TU (declarations, annotations, clang thread-safety
 * attributes, built-in models). */
#ifndef FEARLESS_MODEL_BUILD_H
#define FEARLESS_MODEL_BUILD_H

#include "frontend/frontend.h"
#include "model/model_internal.h"

struct model *model_build(struct frontend *frontend, struct arena *arena);

#endif
