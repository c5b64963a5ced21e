/* use-after-move: a value used after ownership left it (Rust E0382). The moves come from
 * analysis/ownership (MOVED, MOVED_IF, free/realloc/fclose, spawns, inferred contracts). */
#include <stdio.h>

#include "analysis/ownership.h"
#include "checks/check.h"

static const char explanation[] =
    "A value was used after it was moved (like Rust's E0382).\n"
    "\n"
    "A parameter annotated MOVED takes ownership of its argument: after the call the\n"
    "caller no longer owns the value and must not read, dereference, pass or move it\n"
    "again until it is assigned a new value. free, realloc and fclose move their\n"
    "argument; a MOVED_IF(v) parameter (fl_send) moves it when the call returns v; a\n"
    "thread that frees its argument takes it at the spawn. Moves inside a loop reach the\n"
    "next iteration (\"in previous iteration of loop\"). Pointer copies (q = p) move\n"
    "together. Unannotated functions of the file that free a parameter on every path\n"
    "move it too (inferred).\n"
    "\n"
    "Wrong:\n"
    "    char *val = strdup(\"hi\");\n"
    "    if (fl_send(tx, &val) != FL_OK)\n"
    "        return;\n"
    "    printf(\"val is %s\\n\", val);   /* the receiver owns val now */\n"
    "\n"
    "Right:\n"
    "    char *val = strdup(\"hi\");\n"
    "    printf(\"val is %s\\n\", val);   /* use it before the send */\n"
    "    if (fl_send(tx, &val) != FL_OK)\n"
    "        free(val);                 /* a failed send hands it back */\n";

static const char *callee_name(const struct move_use *use)
{
    return use->origin.callee && use->origin.callee->name ? use->origin.callee->name : "?";
}

static void add_origin_note(struct diagnostic *diag, const struct move_use *use)
{
    const char *callee = callee_name(use);
    if (use->previous_iteration)
        diag_add_note(diag, use->origin.range,
                      "value moved here, in previous iteration of loop, by the call to '%s'",
                      callee);
    else if (use->origin.conditional)
        diag_add_note(diag, use->origin.range,
                      "value moved here, by the call to '%s' when it succeeds (its result "
                      "is not checked before this use)", callee);
    else
        diag_add_note(diag, use->origin.range, "value moved here, by the call to '%s'", callee);
}

/* The help names the cure that fits the kind of move. The note sits on the use. */
static void add_help_note(struct diagnostic *diag, const struct move_use *use, const char *name)
{
    const struct function_info *callee = use->origin.callee;
    bool send = false;
    for (unsigned i = 0; callee && i < callee->param_count; i++)
        send |= callee->params[i].moved_if;
    if (use->previous_iteration)
        diag_add_note(diag, use->use,
                      "help: each iteration needs its own value: make a new one (or a "
                      "clone) for every iteration before the move");
    else if (use->origin.conditional)
        diag_add_note(diag, use->use,
                      "help: test the result of '%s' first: '%s' is moved only when the call "
                      "succeeds", callee_name(use), name);
    else if (use->origin.spawn)
        diag_add_note(diag, use->use,
                      "help: the thread owns '%s' now: give the thread a copy, or get the "
                      "value back from the thread when joining it", name);
    else if (send)
        diag_add_note(diag, use->use, "help: send a copy, or stop using '%s' after the send",
                      name);
    else if (use->maybe)
        diag_add_note(diag, use->use,
                      "help: '%s' is moved on some paths only: assign it a new value (or "
                      "NULL) on those paths, or stop using it after the move", name);
    else
        diag_add_note(diag, use->use,
                      "help: stop using '%s' after the call to '%s', or assign it a new "
                      "value first", name, callee_name(use));
}

static void report_use(struct check_context *context, const struct move_use *use)
{
    char name[128];
    path_format(use->path, name, sizeof name);
    struct diagnostic *diag = diag_new("use-after-move", SEVERITY_ERROR, use->use,
                                       use->maybe ? "use of possibly-moved value '%s'"
                                                  : "use of moved value '%s'", name);
    add_origin_note(diag, use);
    add_help_note(diag, use, name);
    check_report(context, diag);
}

static void check_function(struct check_context *context, const struct ir_function *function)
{
    const struct ownership_result *result = ownership_of(context, function);
    for (unsigned i = 0; i < result->use_count; i++)
        report_use(context, &result->uses[i]);
}

const struct check check_use_after_move = {
    .name = "use-after-move",
    .severity = SEVERITY_ERROR,
    .summary = "use of a value after it was moved (sent, handed to a thread, freed)",
    .explanation = explanation,
    .summarize = ownership_summarize,
    .check_function = check_function,
};
