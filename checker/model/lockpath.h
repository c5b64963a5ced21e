/* Parsing lock names written in contracts ("mu", "&g_mu", "*m", "s->mu", "$0") into lock
 * paths relative to the declaration they sit on. */
#ifndef FEARLESS_MODEL_LOCKPATH_H
#define FEARLESS_MODEL_LOCKPATH_H

#include "model/model_internal.h"

struct lock_scope {
    struct model *model;
    /* Function contracts: the parameters. */
    unsigned param_count;
    const char *const *param_names;
    const struct type_info *const *param_types;
    /* Field contracts: the sibling fields. */
    unsigned sibling_count;
    const char *const *sibling_names;
    const struct type_info *const *sibling_types;
    /* The annotation being read: names that resolve to nothing are reported against it. */
    const struct annotation *note;
};

/* NULL when the text names nothing known (the annotation check reports those). */
const struct lock_path *lock_path_parse(const struct lock_scope *scope, const char *text);
/* A comma-separated list; unknown names are skipped. NULL-terminated, never NULL. */
const struct lock_path *const *lock_path_parse_list(const struct lock_scope *scope,
                                                    const char *text, unsigned *count);

#endif
