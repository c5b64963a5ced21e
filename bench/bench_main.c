/* bench_main.c: fl-bench, the C side of bench/run-runtime.
 *   fl-bench chan <fearless|mutexq> <workload> <messages> <reps>
 *   fl-bench mutex <fearless|pthread> <1t|2t> <ops> <reps>
 * Prints `RESULT <workload> <impl> <per_second>`, the best of reps. Exit 1 when a run
 * receives the wrong messages (or a lock loses increments), 2 on bad arguments or an
 * unsupported combination. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static int usage(const char *why) {
    fprintf(stderr, "fl-bench: %s\n"
                    "usage: fl-bench chan <fearless|mutexq> <workload> <messages> <reps>\n"
                    "       fl-bench mutex <fearless|pthread> <1t|2t> <ops> <reps>\n",
            why);
    return 2;
}

static bool parse_count(const char *text, uint64_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-' || v == 0)
        return false;
    *out = v;
    return true;
}

static int bench_chan(const char *name, const char *workload, uint64_t messages,
                      uint64_t reps) {
    const bench_impl *impl = bench_impl_find(name);
    bench_flavor flavor;
    bench_kind kind;
    if (!impl)
        return usage("unknown channel implementation");
    if (!bench_parse_workload(workload, &flavor, &kind) || !impl->supports(flavor, kind))
        return usage("unknown or unsupported workload");
    double best = 0;
    for (uint64_t r = 0; r < reps; r++) {
        bench_result res;
        if (!impl->run(flavor, kind, messages, &res))
            bench_die(workload, "could not create the channel");
        if (res.received != bench_expected_count(kind, messages) ||
            res.sum != bench_expected_sum(kind, messages))
            bench_die(workload, "received the wrong messages");
        double rate = (double)res.received / res.seconds;
        best = rate > best ? rate : best;
    }
    printf("RESULT %s %s %.0f\n", workload, name, best);
    return 0;
}

static int bench_mutex(const char *impl, const char *mode, uint64_t ops, uint64_t reps) {
    int threads = strcmp(mode, "1t") == 0 ? 1 : strcmp(mode, "2t") == 0 ? 2 : 0;
    if (threads == 0)
        return usage("mutex mode must be 1t or 2t");
    double best = 0;
    for (uint64_t r = 0; r < reps; r++) {
        double seconds = bench_mutex_run(impl, threads, ops);
        if (seconds < 0)
            bench_die(impl, "unknown mutex or lost increments");
        double rate = (double)(ops / (uint64_t)threads * (uint64_t)threads) / seconds;
        best = rate > best ? rate : best;
    }
    printf("RESULT mutex-%s %s %.0f\n", mode, impl, best);
    return 0;
}

int main(int argc, char **argv) {
    uint64_t count, reps;
    if (argc != 6)
        return usage("expected 5 arguments");
    if (!parse_count(argv[4], &count) || !parse_count(argv[5], &reps))
        return usage("counts must be positive integers");
    if (strcmp(argv[1], "chan") == 0) {
        if (count < BENCH_THREADS)
            return usage("need at least 4 messages");
        return bench_chan(argv[2], argv[3], count, reps);
    }
    if (strcmp(argv[1], "mutex") == 0)
        return bench_mutex(argv[2], argv[3], count, reps);
    return usage("the first argument must be chan or mutex");
}
