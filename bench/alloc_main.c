/* alloc_main.c: fl-bench-alloc <fearless|mutexq> <flavor> <messages>
 * Counts heap allocations while <messages> cross one channel of <flavor> (after a
 * warm-up) and prints `RESULT alloc-<flavor> <impl> <allocations>`. Exit 2 on bad
 * arguments, 1 when the channel cannot be created. */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "malloc_count.h"

int main(int argc, char **argv) {
    bench_flavor flavor;
    const bench_impl *impl = argc == 4 ? bench_impl_find(argv[1]) : NULL;
    char *end;
    unsigned long long messages = argc == 4 ? strtoull(argv[3], &end, 10) : 0;
    if (!impl || !bench_parse_flavor(argv[2], &flavor) || messages == 0 || *end != '\0') {
        fprintf(stderr, "usage: fl-bench-alloc <fearless|mutexq> "
                        "<unbounded|bounded1|boundedN|rendezvous> <messages>\n");
        return 2;
    }
    uint64_t allocs;
    if (!impl->alloc_probe(flavor, messages, malloc_count_now, &allocs))
        bench_die(argv[2], "could not create the channel");
    printf("RESULT alloc-%s %s %llu\n", argv[2], argv[1], (unsigned long long)allocs);
    return 0;
}
