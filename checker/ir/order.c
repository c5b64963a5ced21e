/* Bottom-up order over the call graph: Tarjan's strongly connected components emit each
 * component after every component it calls, which is callees before callers. Iterative,
 * so deep call chains cannot overflow the stack. */
#include <stdlib.h>

#include "ir/ir.h"
#include "support/hashmap.h"

struct tarjan_node {
    struct ir_function *function;
    unsigned index, lowlink;
    bool visited, on_stack;
    unsigned callee_count;
    unsigned *callees;      /* indexes of the functions it calls (with bodies in the TU) */
};

struct tarjan_frame {
    unsigned node, next_callee;
};

static unsigned *collect_callees(const struct ir_function *function, const struct hashmap *index_of,
                                 unsigned *count)
{
    unsigned capacity = 0, used = 0;
    unsigned *callees = NULL;
    for (unsigned b = 0; b < function->block_count; b++) {
        const struct block *block = function->blocks[b];
        for (unsigned i = 0; i < block->inst_count; i++) {
            const struct inst *inst = &block->insts[i];
            if (inst->kind != INST_CALL || !inst->call.callee || !inst->call.callee->body)
                continue;
            void *found = intmap_get(index_of, (uintptr_t)inst->call.callee->body);
            if (!found)
                continue;
            if (used == capacity) {
                capacity = capacity ? capacity * 2 : 8;
                callees = realloc(callees, capacity * sizeof *callees);
                if (!callees)
                    abort();
            }
            callees[used++] = (unsigned)((uintptr_t)found - 1);
        }
    }
    *count = used;
    return callees;
}

unsigned ir_bottom_up_order(const struct ir_tu *tu, struct ir_function **out)
{
    unsigned n = tu->function_count;
    if (n == 0)
        return 0;
    struct hashmap index_of;
    hashmap_init(&index_of);
    for (unsigned i = 0; i < n; i++)
        intmap_put(&index_of, (uintptr_t)tu->functions[i], (void *)(uintptr_t)(i + 1));
    struct tarjan_node *nodes = calloc(n, sizeof *nodes);
    unsigned *stack = malloc(n * sizeof *stack);
    struct tarjan_frame *frames = malloc(n * sizeof *frames);
    if (!nodes || !stack || !frames)
        abort();
    for (unsigned i = 0; i < n; i++) {
        nodes[i].function = tu->functions[i];
        nodes[i].callees = collect_callees(tu->functions[i], &index_of, &nodes[i].callee_count);
    }
    unsigned next_index = 0, stack_size = 0, emitted = 0;
    for (unsigned root = 0; root < n; root++) {
        if (nodes[root].visited)
            continue;
        unsigned depth = 0;
        frames[depth++] = (struct tarjan_frame){root, 0};
        nodes[root].visited = nodes[root].on_stack = true;
        nodes[root].index = nodes[root].lowlink = next_index++;
        stack[stack_size++] = root;
        while (depth) {
            struct tarjan_frame *frame = &frames[depth - 1];
            struct tarjan_node *node = &nodes[frame->node];
            if (frame->next_callee < node->callee_count) {
                unsigned callee = node->callees[frame->next_callee++];
                if (!nodes[callee].visited) {
                    nodes[callee].visited = nodes[callee].on_stack = true;
                    nodes[callee].index = nodes[callee].lowlink = next_index++;
                    stack[stack_size++] = callee;
                    frames[depth++] = (struct tarjan_frame){callee, 0};
                } else if (nodes[callee].on_stack && nodes[callee].index < node->lowlink) {
                    node->lowlink = nodes[callee].index;
                }
                continue;
            }
            if (node->lowlink == node->index) {
                unsigned member;
                do {
                    member = stack[--stack_size];
                    nodes[member].on_stack = false;
                    out[emitted++] = nodes[member].function;
                } while (member != frame->node);
            }
            depth--;
            if (depth) {
                struct tarjan_node *caller = &nodes[frames[depth - 1].node];
                if (node->lowlink < caller->lowlink)
                    caller->lowlink = node->lowlink;
            }
        }
    }
    for (unsigned i = 0; i < n; i++)
        free(nodes[i].callees);
    free(nodes);
    free(stack);
    free(frames);
    hashmap_destroy(&index_of);
    return emitted;
}
