/* State shared by the lowering files: ir/lower.c (functions, variables, scopes),
 * ir/lower_expr.c (expressions), ir/lower_cond.c (conditions), ir/lower_stmt.c
 * (statements and control flow). */
#ifndef FEARLESS_LOWER_INTERNAL_H
#define FEARLESS_LOWER_INTERNAL_H

#include <clang-c/Index.h>

#include "cfg/cfg.h"
#include "frontend/frontend.h"
#include "ir/ir.h"
#include "model/model_internal.h"
#include "support/hashmap.h"
#include "support/vec.h"

/* A block scope: the locals declared in it so far. */
struct scope {
    struct scope *parent;
    unsigned depth;
    struct vec vars;            /* const struct var * in declaration order */
};

/* Where control is, scope-wise: each open scope and how many of its locals exist. Used to
 * end the right lifetimes when a goto leaves scopes. */
struct scope_mark {
    struct scope *scope;
    unsigned var_count;
};
struct scope_snapshot {
    unsigned depth;
    struct scope_mark *marks;   /* outermost first */
};

struct jump_target {
    struct block *block;
    struct scope *scope;        /* the scope the target lives in */
};

struct switch_context {
    struct block *block;        /* the block ending with TERM_SWITCH */
    bool has_default;
    struct switch_context *outer;
};

struct label {
    struct block *block;
    struct scope_snapshot snapshot;
    bool defined;
};

struct pending_goto {
    struct block *block;        /* ends with the goto; SCOPE_ENDs appended at the end */
    struct scope_snapshot snapshot;
    struct label *label;
    struct source_range range;
};

struct lowerer {
    struct frontend *frontend;
    struct model *model;
    struct arena *arena;
    struct cfg cfg;
    struct ir_function *function;
    struct block *current;      /* where instructions go; a fresh block after a jump */
    struct block *exit;
    struct scope *scope;
    struct jump_target break_target, continue_target; /* block NULL: none */
    struct switch_context *switch_context;
    struct hashmap labels;      /* name -> struct label */
    struct vec gotos;           /* struct pending_goto * */
    struct vec indirect_gotos;  /* struct block * ending in `goto *p` */
    struct hashmap locals;      /* VarDecl/ParmDecl cursor -> struct var */
    struct vec local_list;
    struct vec all_scopes;      /* struct scope *, freed with the lowerer */
    struct arena *scratch;      /* child lists: live while the function is lowered */
    struct hashmap var_paths;   /* struct var * -> its root path */
    struct hashmap cleanups;    /* struct var * -> function_info of its cleanup attribute */
};

/* Cursor helpers (ir/lower.c). */
struct children {
    unsigned count;
    CXCursor *items;
};
/* Children that are expressions, statements or declarations (not type references or
 * attributes). */
struct children lower_children(struct lowerer *lowerer, CXCursor cursor);
struct source_range lower_range(struct lowerer *lowerer, CXCursor cursor);
const struct type_info *lower_type(struct lowerer *lowerer, CXCursor cursor);
/* The variable a VarDecl/ParmDecl cursor names (locals of this function or globals). */
const struct var *lower_var(struct lowerer *lowerer, CXCursor decl);
/* The path of a whole variable: one shared object per variable (paths are immutable). */
const struct path *lower_var_path(struct lowerer *lowerer, const struct var *var);

/* Emission (ir/lower.c). */
struct inst *lower_emit(struct lowerer *lowerer, enum inst_kind kind, struct source_range range);
void lower_read(struct lowerer *lowerer, const struct path *path, struct source_range range);
void lower_write(struct lowerer *lowerer, const struct path *path, struct value value,
                 bool compound, struct source_range range);
/* Ends the current block with a jump to `to`; control continues in a fresh block. */
void lower_jump(struct lowerer *lowerer, struct block *to);
/* Continues in `block` (falling through from the current one). */
void lower_continue_in(struct lowerer *lowerer, struct block *block);
/* Ends the current block as unreachable (noreturn call). */
void lower_unreachable(struct lowerer *lowerer, struct source_range range);

/* Scopes (ir/lower.c). */
void lower_scope_push(struct lowerer *lowerer);
/* Emits SCOPE_END for the scope's locals (latest first) at `range`, when `emit`. */
void lower_scope_pop(struct lowerer *lowerer, struct source_range range, bool emit);
/* SCOPE_END for every local of the scopes inside `target` (break, continue). */
void lower_end_scopes_until(struct lowerer *lowerer, struct scope *target, struct source_range range);
struct scope_snapshot lower_snapshot(struct lowerer *lowerer);
void lower_declare(struct lowerer *lowerer, const struct var *var);
/* Locals with __attribute__((cleanup(f))): f(&var) runs wherever their lifetime ends. */
void lower_note_cleanup(struct lowerer *lowerer, const struct var *var, CXCursor decl);
void lower_run_cleanup(struct lowerer *lowerer, const struct var *var, struct source_range range);
/* The cleanups of every open scope, innermost first (before a return). */
void lower_run_all_cleanups(struct lowerer *lowerer, struct source_range range);

/* Expressions (ir/lower_expr.c). */
struct value lower_expr(struct lowerer *lowerer, CXCursor expr);
const struct path *lower_lvalue(struct lowerer *lowerer, CXCursor expr);
bool lower_constant(CXCursor expr, long long *value);
CXCursor lower_strip(struct lowerer *lowerer, CXCursor expr);
/* Writes an initializer into `path` (per field for braced record initializers;
 * ir/lower_init.c). */
void lower_initialize(struct lowerer *lowerer, const struct path *path, CXCursor init,
                      struct source_range range);
struct value lower_value(enum value_kind kind, struct source_range range);
/* The braced list of a compound literal `(struct s){...}`, or a null cursor. */
CXCursor lower_compound_literal_list(struct lowerer *lowerer, CXCursor expr);

/* Conditions (ir/lower_cond.c): branches to `if_true` or `if_false`. */
void lower_condition(struct lowerer *lowerer, CXCursor expr, struct block *if_true,
                     struct block *if_false);

/* Statements (ir/lower_stmt.c). */
void lower_statement(struct lowerer *lowerer, CXCursor statement);
/* A compound statement; with `value`, the value of its last expression statement (GNU
 * statement expressions). */
void lower_compound(struct lowerer *lowerer, CXCursor compound, struct value *value);
void lower_resolve_gotos(struct lowerer *lowerer);

#endif
