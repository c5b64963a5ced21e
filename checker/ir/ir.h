/* The IR: each function body lowered once from libclang cursors into basic blocks of a
 * few instruction kinds over lvalue paths (`p->f.g`), with a control-flow graph covering
 * all of C. Checks and analyses read only this, never cursors.
 *
 * Evaluation order is kept: for `a->b = f(c) + d`, the lowering emits
 *   READ c; CALL f(LOAD c) -> t0; READ d; WRITE a->b := OTHER
 * A READ or WRITE of a path also reads every pointer it goes through (`a` above); use
 * path_deref_prefix() to visit those. Every rvalue use of an lvalue (including call
 * arguments and returned values) is a READ instruction before the use. */
#ifndef FEARLESS_IR_H
#define FEARLESS_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag/diag.h"
#include "model/model.h"

struct arena;

/* ---- variables and lvalue paths ---------------------------------------------------------- */

enum var_kind { VAR_LOCAL, VAR_PARAM, VAR_GLOBAL, VAR_STATIC_LOCAL };

struct var {
    unsigned id;                    /* unique within the TU */
    const char *name;
    enum var_kind kind;
    const struct type_info *type;
    struct source_range decl;
    int scope_depth;                /* block nesting of a local; 0 for params and globals */
    const struct field_info *guard; /* a global's own GUARDED_BY/PT_GUARDED_BY, as a field */
    bool thread_local;              /* _Thread_local / __thread: one object per thread */
};

enum step_kind {
    STEP_FIELD,   /* .name; `p->f` is STEP_DEREF then STEP_FIELD */
    STEP_DEREF,   /* *p, p->, p[i] (an index into a pointer is a dereference); index is
                     0 for *p and p->f, k for p[k], INDEX_UNKNOWN for p[i] and *(p + i) */
    STEP_INDEX    /* a[i] on an array object; index is the constant or INDEX_UNKNOWN */
};
#define INDEX_UNKNOWN (-1L)

struct step {
    enum step_kind kind;
    const struct field_info *field; /* STEP_FIELD */
    long index;                     /* STEP_INDEX, STEP_DEREF (see above) */
    const struct type_info *type;   /* type of the lvalue after this step */
};

/* Immutable and shared: build with path_* functions, compare with path_equal. */
struct path {
    const struct var *root;
    unsigned step_count;
    const struct step *steps;
    const struct type_info *type;   /* type of the whole lvalue */
};

const struct path *path_of_var(struct arena *arena, const struct var *var);
const struct path *path_append(struct arena *arena, const struct path *base, struct step step);
/* The first `step_count` steps of `path`. */
const struct path *path_prefix(struct arena *arena, const struct path *path, unsigned step_count);
bool path_equal(const struct path *a, const struct path *b);
/* a is b or an lvalue inside b (b.f, b->f, b[i]...). Unknown indexes match any index
 * (path_equal compares indexes exactly: p[_] equals p[_], not p[0]). */
bool path_within(const struct path *a, const struct path *b);
/* For each pointer dereferenced on the way to `path` (p in p->f, p and p->q in p->q->r),
 * calls visit with that pointer's path. */
void path_for_each_deref_base(struct arena *arena, const struct path *path,
                              void (*visit)(const struct path *pointer, void *data), void *data);
/* "p->f.g", "a[2]", "a[_]" (unknown index), "*p", "p[1]", "p[_].f" written into buffer
 * (truncated safely). Returns buffer. */
const char *path_format(const struct path *path, char *buffer, size_t size);

/* ---- values ------------------------------------------------------------------------------ */

enum value_kind {
    VALUE_NONE,     /* no value (void return, missing operand) */
    VALUE_LOAD,     /* the value stored in `path` (an rvalue use of an lvalue) */
    VALUE_ADDRESS,  /* the address of `path`: &x, array decay, &s.f, &a[i], a + i */
    VALUE_TEMP,     /* the result of the call instruction that defined `temp` */
    VALUE_INTEGER,  /* integer constant (enumerators and character constants included) */
    VALUE_NULL,     /* NULL / 0 / (void *)0 in pointer context */
    VALUE_FUNCTION, /* a function designator (decayed): thread entry points */
    VALUE_STRING,   /* a string literal */
    VALUE_OTHER     /* anything else: arithmetic, comparisons, ... */
};

struct value {
    enum value_kind kind;
    const struct path *path;              /* LOAD, ADDRESS */
    bool derived;                         /* LOAD of a pointer plus/minus an offset: p + 1 */
    unsigned temp;                        /* TEMP */
    long long integer;                    /* INTEGER */
    const struct function_info *function; /* FUNCTION */
    struct source_range range;            /* the expression as written */
};

/* ---- instructions ------------------------------------------------------------------------- */

enum inst_kind {
    INST_READ,       /* rvalue use of `path` */
    INST_WRITE,      /* `path` = `value` (assignment, initializer, ++/--, compound assign) */
    INST_CALL,       /* a call; its result, if used, is temp `call.result_temp` */
    INST_DECL,       /* local `var` comes into scope (initializer follows as a WRITE; a braced
                        initializer is a WRITE of the whole object := OTHER, then one WRITE
                        per listed member or element: `{.p = &y}` writes x.p := &y) */
    INST_SCOPE_END   /* local `var`'s lifetime ends: end of its block, or leaving it by
                        break/continue/goto. At a return every local ends: the RETURN
                        terminator implies it, no SCOPE_END is emitted for that. */
};

struct call {
    const struct function_info *callee;   /* NULL: through an unknown function pointer */
    const struct value *callee_value;     /* the called expression when not a plain name */
    unsigned arg_count;
    const struct value *args;
    unsigned result_temp;
};

struct inst {
    enum inst_kind kind;
    struct source_range range;    /* the whole expression or declaration */
    const struct path *path;      /* READ, WRITE */
    struct value value;           /* WRITE: the stored value */
    bool compound;                /* WRITE from ++, --, +=: the old value was read too */
    struct call call;             /* CALL */
    const struct var *var;        /* DECL, SCOPE_END */
};

/* ---- blocks and the CFG -------------------------------------------------------------------- */

enum terminator_kind {
    TERM_GOTO,        /* one successor */
    TERM_BRANCH,      /* successors[0] when `condition` holds, successors[1] otherwise */
    TERM_SWITCH,      /* successors carry case values; one may be the default (without a
                         `default:` an implicit default edge goes past the switch);
                         condition.tested is the switched value, condition.known false */
    TERM_RETURN,      /* to the exit block; `value` is the returned value (or NONE) */
    TERM_UNREACHABLE  /* after a call that does not return; no successors */
};

enum compare { COMPARE_NE, COMPARE_EQ, COMPARE_LT, COMPARE_LE, COMPARE_GT, COMPARE_GE };

/* The comparison that holds when `compare` does not (on a branch's false edge). */
enum compare compare_negate(enum compare compare);
/* Does `value <compare> constant` hold? */
bool compare_holds(long long value, enum compare compare, long long constant);

/* `if (e)` tests `e != 0`; `if (!e)`, `e == 0`; `if (x OP k)` with a constant k keeps the
 * comparison, so checks can refine on `if (pthread_mutex_trylock(&m) != 0)` or
 * `if (rc == 0)`. Anything else: `known` is false. */
struct condition {
    bool known;
    struct value tested;          /* LOAD of a variable or TEMP of a call */
    enum compare compare;
    long long constant;
};

struct block;

struct edge {
    struct block *from, *to;
    bool back_edge;               /* to a loop header from inside its loop */
    bool is_default;              /* TERM_SWITCH */
    long long case_value;         /* TERM_SWITCH, when not default */
    unsigned index;               /* position in from->successors */
};

struct terminator {
    enum terminator_kind kind;
    struct source_range range;    /* the return statement, the branch condition, ... */
    struct condition condition;   /* TERM_BRANCH */
    struct value value;           /* TERM_RETURN */
};

struct block {
    unsigned id;                  /* index in function->blocks, reverse post-order */
    unsigned inst_count;
    struct inst *insts;
    struct terminator terminator;
    unsigned successor_count;
    struct edge *successors;
    unsigned predecessor_count;
    struct edge **predecessors;
    bool loop_header;
    unsigned loop_depth;
};

struct ir_function {
    const char *name;
    struct function_info *info;
    struct source_range range;    /* the whole definition */
    struct source_range body_end; /* the closing brace: where locals end at fall-off */
    unsigned param_count;
    const struct var **params;
    unsigned local_count;
    const struct var **locals;    /* every local and static local, declaration order */
    unsigned temp_count;
    unsigned block_count;
    struct block **blocks;        /* reverse post-order; blocks[0] is the entry */
    struct block *entry, *exit;   /* exit: one empty block every return leads to */
    /* Shape guarantees: the entry has no predecessors. Code no path from the entry reaches
     * (after a return, a noreturn call) is dropped, except the exit block, which is always
     * in `blocks` (last when unreachable; its in-state is then NULL). The exit block has
     * no instructions and terminator TERM_UNREACHABLE with no successors. Falling off the
     * end of a body is a TERM_RETURN with VALUE_NONE at `body_end`.
     * Every function definition is lowered and handed to every enabled check, including
     * NO_THREAD_SAFETY_ANALYSIS ones: checks about locks skip those themselves
     * (info->no_thread_safety_analysis), ownership checks still run. */
    bool is_main;
};

struct ir_tu {
    const char *main_file;
    struct model *model;
    struct arena *arena;
    unsigned function_count;
    struct ir_function **functions;   /* definitions in the TU, in source order */
    unsigned global_count;
    const struct var **globals;
};

/* Functions of the TU ordered callees before callers (bottom-up over the call graph; each
 * strongly connected component once, in any order inside). */
unsigned ir_bottom_up_order(const struct ir_tu *tu, struct ir_function **out);

/* For tests and debugging: a readable dump of a function's CFG. */
void ir_dump_function(const struct ir_function *function, FILE *out);

#endif
