/* A tiny hand-built IR for the ownership and threads unit tests (header-only, static). */
#ifndef TEST_IR_BUILDER_THREADS_H
#define TEST_IR_BUILDER_THREADS_H

#include <stdio.h>

#include "analysis/cache.h"
#include "checks/check.h"
#include "ir/ir.h"
#include "support/arena.h"

struct builder {
    struct arena *arena;
    struct ir_function function;
    struct block *blocks[16];
    unsigned count;
    unsigned line;
    unsigned temps;
};

static const struct type_info int_type = {.kind = TYPE_INTEGER, .spelling = "int"};
static const struct type_info char_type = {.kind = TYPE_INTEGER, .spelling = "char"};
static const struct type_info pointer_type = {.kind = TYPE_POINTER, .spelling = "char *",
                                              .pointee = &char_type};

static struct source_range line_range(unsigned line)
{
    return (struct source_range){{"t.c", line, 1}, {NULL, 0, 0}};
}

static struct block *add_block(struct builder *b)
{
    struct block *block = ARENA_NEW(b->arena, struct block);
    block->id = b->count;
    block->insts = ARENA_ARRAY(b->arena, struct inst, 8);
    block->terminator.kind = TERM_GOTO;
    b->blocks[b->count++] = block;
    return block;
}

static struct inst *next_inst(struct builder *b, struct block *block, enum inst_kind kind)
{
    struct inst *inst = &block->insts[block->inst_count++];
    inst->kind = kind;
    inst->range = line_range(++b->line);
    return inst;
}

static struct value load(struct builder *b, const struct var *var)
{
    return (struct value){.kind = VALUE_LOAD, .path = path_of_var(b->arena, var),
                          .range = line_range(b->line + 1)};
}

static struct value address(struct builder *b, const struct var *var)
{
    return (struct value){.kind = VALUE_ADDRESS, .path = path_of_var(b->arena, var),
                          .range = line_range(b->line + 1)};
}

static void add_read(struct builder *b, struct block *block, const struct var *var)
{
    struct inst *inst = next_inst(b, block, INST_READ);
    inst->path = path_of_var(b->arena, var);
}

static void add_write(struct builder *b, struct block *block, const struct var *var,
                      struct value value)
{
    struct inst *inst = next_inst(b, block, INST_WRITE);
    inst->path = path_of_var(b->arena, var);
    inst->value = value;
}

/* A call; returns its result temp. */
static unsigned add_call(struct builder *b, struct block *block,
                         const struct function_info *callee, unsigned count,
                         const struct value *args)
{
    struct value *copy = ARENA_ARRAY(b->arena, struct value, count ? count : 1);
    for (unsigned i = 0; i < count; i++)
        copy[i] = args[i];
    struct inst *inst = next_inst(b, block, INST_CALL);
    inst->call = (struct call){.callee = callee, .arg_count = count, .args = copy,
                               .result_temp = b->temps++};
    return inst->call.result_temp;
}

static void link_blocks(struct builder *b, struct block *from, struct block *to, bool back)
{
    if (!from->successors)
        from->successors = ARENA_ARRAY(b->arena, struct edge, 2);
    struct edge *edge = &from->successors[from->successor_count];
    *edge = (struct edge){.from = from, .to = to, .back_edge = back,
                          .index = from->successor_count};
    from->successor_count++;
    if (back)
        to->loop_header = true;
}

static void branch_on(struct builder *b, struct block *from, struct value tested,
                      enum compare compare, long long constant, struct block *then,
                      struct block *otherwise)
{
    from->terminator = (struct terminator){
        .kind = TERM_BRANCH, .range = line_range(++b->line),
        .condition = {.known = true, .tested = tested, .compare = compare,
                      .constant = constant}};
    link_blocks(b, from, then, false);
    link_blocks(b, from, otherwise, false);
}

static void return_to(struct builder *b, struct block *from, struct block *exit)
{
    from->terminator = (struct terminator){.kind = TERM_RETURN, .range = line_range(++b->line)};
    link_blocks(b, from, exit, false);
}

static struct ir_function *finish(struct builder *b, struct block *exit)
{
    b->function.name = "f";
    b->function.blocks = b->blocks;
    b->function.block_count = b->count;
    b->function.entry = b->blocks[0];
    b->function.exit = exit;
    b->function.temp_count = b->temps;
    exit->terminator.kind = TERM_RETURN;
    return &b->function;
}

static struct function_info *callee_with(struct arena *arena, const char *name,
                                         unsigned param_count)
{
    struct function_info *info = ARENA_NEW(arena, struct function_info);
    info->name = name;
    info->param_count = param_count;
    info->params = ARENA_ARRAY(arena, struct param_contract, param_count);
    info->param_types = ARENA_ARRAY(arena, const struct type_info *, param_count);
    info->spawn_handle_param = info->spawn_fn_param = info->spawn_arg_param = -1;
    info->origin = ORIGIN_DECLARED;
    return info;
}

static struct check_context context_for(struct builder *b, struct ir_tu *tu)
{
    tu->arena = b->arena;
    return (struct check_context){.tu = tu, .arena = b->arena, .cache = analysis_cache_new()};
}

#endif
