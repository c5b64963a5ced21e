/* A readable dump of a function's CFG, for --dump-ir and tests. */
#include <stdio.h>

#include "ir/ir.h"

static const char *compare_text(enum compare compare)
{
    static const char *const names[] = {"!=", "==", "<", "<=", ">", ">="};
    return names[compare];
}

static void dump_value(const struct value *value, FILE *out)
{
    char buffer[256];
    switch (value->kind) {
    case VALUE_NONE: fputs("none", out); break;
    case VALUE_LOAD:
        fprintf(out, "load %s%s", path_format(value->path, buffer, sizeof buffer),
                value->derived ? " (derived)" : "");
        break;
    case VALUE_ADDRESS: fprintf(out, "&%s", path_format(value->path, buffer, sizeof buffer)); break;
    case VALUE_TEMP: fprintf(out, "t%u", value->temp); break;
    case VALUE_INTEGER: fprintf(out, "%lld", value->integer); break;
    case VALUE_NULL: fputs("null", out); break;
    case VALUE_FUNCTION:
        fprintf(out, "fn %s", value->function && value->function->name ? value->function->name : "?");
        break;
    case VALUE_STRING: fputs("string", out); break;
    case VALUE_OTHER: fputs("other", out); break;
    }
}

static void dump_inst(const struct inst *inst, FILE *out)
{
    char buffer[256];
    fprintf(out, "    %u:%u ", inst->range.begin.line, inst->range.begin.column);
    switch (inst->kind) {
    case INST_READ:
        fprintf(out, "read %s", path_format(inst->path, buffer, sizeof buffer));
        break;
    case INST_WRITE:
        fprintf(out, "write %s := ", path_format(inst->path, buffer, sizeof buffer));
        dump_value(&inst->value, out);
        if (inst->compound)
            fputs(" (compound)", out);
        break;
    case INST_CALL:
        fprintf(out, "t%u = call ", inst->call.result_temp);
        if (inst->call.callee)
            fputs(inst->call.callee->name ? inst->call.callee->name : "?", out);
        else if (inst->call.callee_value)
            dump_value(inst->call.callee_value, out);
        else
            fputs("<unknown>", out);
        fputc('(', out);
        for (unsigned i = 0; i < inst->call.arg_count; i++) {
            if (i)
                fputs(", ", out);
            dump_value(&inst->call.args[i], out);
        }
        fputc(')', out);
        break;
    case INST_DECL: fprintf(out, "decl %s", inst->var && inst->var->name ? inst->var->name : "?"); break;
    case INST_SCOPE_END:
        fprintf(out, "scope_end %s", inst->var && inst->var->name ? inst->var->name : "?");
        break;
    }
    fputc('\n', out);
}

static void dump_terminator(const struct block *block, FILE *out)
{
    const struct terminator *term = &block->terminator;
    fputs("    ", out);
    switch (term->kind) {
    case TERM_GOTO: fputs("goto", out); break;
    case TERM_BRANCH:
        fputs("branch", out);
        if (term->condition.known) {
            fputs(" (", out);
            dump_value(&term->condition.tested, out);
            fprintf(out, " %s %lld)", compare_text(term->condition.compare), term->condition.constant);
        }
        break;
    case TERM_SWITCH: fputs("switch", out); break;
    case TERM_RETURN:
        fputs("return ", out);
        dump_value(&term->value, out);
        break;
    case TERM_UNREACHABLE: fputs("unreachable", out); break;
    }
    for (unsigned i = 0; i < block->successor_count; i++) {
        const struct edge *edge = &block->successors[i];
        fprintf(out, " -> B%u", edge->to->id);
        if (block->terminator.kind == TERM_SWITCH) {
            if (edge->is_default)
                fputs("[default]", out);
            else
                fprintf(out, "[%lld]", edge->case_value);
        }
        if (edge->back_edge)
            fputs("(back)", out);
    }
    fputc('\n', out);
}

static const char *effect_name(enum lock_effect_kind kind)
{
    static const char *const names[] = {"acquire", "acquire_shared", "release", "release_shared",
                                        "release_any", "try_acquire", "try_acquire_shared",
                                        "requires", "requires_shared", "excludes", "wait"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

/* The contract as the checks see it (declared, built in, or inferred by summaries). */
static void dump_contract(const struct function_info *info, FILE *out)
{
    static const char *const origins[] = {"declared", "builtin", "inferred"};
    fprintf(out, "  contract (%s):", origins[info->origin]);
    if (info->noreturn)
        fputs(" noreturn", out);
    if (info->no_thread_safety_analysis)
        fputs(" no_thread_safety_analysis", out);
    for (unsigned i = 0; i < info->param_count; i++) {
        const struct param_contract *param = &info->params[i];
        if (param->moved || param->inferred_moved)
            fprintf(out, " $%u:moved%s", i, param->inferred_moved && !param->moved ? "(inferred)" : "");
        if (param->moved_if)
            fprintf(out, " $%u:moved_if:%lld", i, param->moved_if_value);
        if (param->thread_fn || param->thread_arg || param->joins || param->detaches)
            fprintf(out, " $%u:%s%s%s%s", i, param->thread_fn ? "thread_fn" : "",
                    param->thread_arg ? "thread_arg" : "", param->joins ? "joins" : "",
                    param->detaches ? "detaches" : "");
    }
    for (unsigned i = 0; i < info->effect_count; i++)
        fprintf(out, " %s:%s", effect_name(info->effects[i].kind),
                info->effects[i].lock.text ? info->effects[i].lock.text : "?");
    fputc('\n', out);
}

void ir_dump_function(const struct ir_function *function, FILE *out)
{
    fprintf(out, "function %s (%u blocks, %u temps)\n", function->name ? function->name : "?",
            function->block_count, function->temp_count);
    if (function->info)
        dump_contract(function->info, out);
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        fprintf(out, "  B%u%s%s:", block->id, block == function->entry ? " entry" : "",
                block == function->exit ? " exit" : "");
        if (block->loop_header)
            fprintf(out, " loop-header");
        fprintf(out, " preds");
        for (unsigned p = 0; p < block->predecessor_count; p++)
            fprintf(out, " B%u", block->predecessors[p]->from->id);
        fputc('\n', out);
        for (unsigned i = 0; i < block->inst_count; i++)
            dump_inst(&block->insts[i], out);
        dump_terminator(block, out);
    }
}
