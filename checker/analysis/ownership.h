/* Ownership: flow-sensitive moved-state of lvalue paths (Rust's moves, E0382).
 *
 * A path becomes moved when it is handed to a MOVED parameter (argument `x`, `s.f`, `p->f`
 * moves that lvalue; `&x` moves x), to free/realloc/fclose (built-in MOVED contracts), to a
 * thread that takes ownership of its argument, or to a MOVED_IF(v) parameter on the branch
 * where the result is v. Writing the path revives it; simple pointer copies (`q = p`) are
 * aliases that move together. Values of types without pointers are copies: never moved.
 *
 * The analysis runs once per function (cached) and lists every use of a moved or
 * possibly-moved path; check_use_after_move formats them. ownership_summarize infers
 * params[i].inferred_moved for unannotated functions of the TU (bottom-up). */
#ifndef FEARLESS_ANALYSIS_OWNERSHIP_H
#define FEARLESS_ANALYSIS_OWNERSHIP_H

#include <stdbool.h>

#include "checks/check.h"
#include "ir/ir.h"

/* Where a value was moved: the call and the callee that took it. */
struct move_origin {
    struct source_range range;             /* the argument as written */
    const struct function_info *callee;
    bool conditional;                      /* MOVED_IF whose result was never tested */
    bool spawn;                            /* handed to a thread */
};

struct move_use {
    const struct path *path;               /* the moved lvalue (as moved) */
    struct source_range use;               /* the use */
    bool maybe;                            /* moved on some paths only */
    bool previous_iteration;               /* reaches its use through a loop back edge */
    bool second_move;                      /* the use is itself a move (double free, ...) */
    struct move_origin origin;
};

struct ownership_result {
    unsigned use_count;
    struct move_use *uses;
};

/* The uses of moved values in `function` (cached per function in context->cache). */
const struct ownership_result *ownership_of(struct check_context *context,
                                            const struct ir_function *function);

/* Bottom-up contract inference: a pointer parameter moved on every path (a NULL parameter
 * counts as moved: `if (!p) return; free(p);`) and never reassigned gets inferred_moved. */
void ownership_summarize(struct check_context *context, struct ir_function *function);

/* Does `type` own anything a move could take (a pointer, or a record/array holding one)?
 * Values of other types are plain copies, like Rust's Copy types. */
bool ownership_type_owns(const struct type_info *type);

/* Does the thread entry `function` take ownership of its argument (frees it or hands it to
 * a MOVED parameter, as far as its body in the TU shows)? Outside the TU: false (lent). */
bool ownership_thread_takes_arg(const struct function_info *function);

/* Variables of a thread entry's `body` that hold its argument: the parameter and plain
 * copies of it (`struct job *job = arg;`), flow-insensitively. Returns the count. */
unsigned ownership_arg_aliases(const struct ir_function *body, const struct var **set,
                               unsigned capacity);

/* A spawn whose thread function or handle is NULL starts no thread (FL_INVAL, EINVAL). */
bool ownership_spawn_without_thread(const struct call *call);

/* Does call argument `index` of `call` move its value, and on which condition?
 * Returns false when it does not move. */
struct move_rule {
    bool conditional;        /* moved only when the result equals/differs from value */
    bool when_equal;         /* moved iff result == value (true) or result != value */
    long long value;
    bool untested_definite;  /* no test of the result seen: moved (spawn, realloc) */
    bool spawn;
};
bool ownership_call_moves(const struct call *call, unsigned index, struct move_rule *rule);

/* Knowing "result OP k" holds (or, !holds, fails) on a branch edge: 1 when result == value
 * is certain, 0 when excluded, -1 when unknown. Shared by every analysis that splits on
 * a tested result (MOVED_IF, spawn success). */
int ownership_compare_outcome(enum compare compare, bool holds, long long k, long long value);

#endif
