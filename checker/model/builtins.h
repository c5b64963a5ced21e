/* Built-in contracts (pthreads, C11 threads, allocation, noreturn), written in the
 * annotation syntax with $N for parameter N. */
#ifndef FEARLESS_MODEL_BUILTINS_H
#define FEARLESS_MODEL_BUILTINS_H

#include <stdbool.h>

#include "model/model_internal.h"

/* Applies the built-in contract of info->name, if there is one. */
bool builtin_apply(struct model *model, struct function_info *info);

/* Shared with model/functions.c. */
struct annotation;
void function_apply_annotation(struct model *model, struct function_info *info,
                               const struct annotation *note);
void param_apply_annotation(struct model *model, struct param_contract *param,
                            const struct annotation *note);
void function_derive_spawn(struct function_info *info);

#endif
