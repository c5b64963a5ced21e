/* bench_common.c: workload names, expected results, the clock. */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const flavor_names[FLAVOR_COUNT] = {"unbounded", "bounded1", "boundedN",
                                                       "rendezvous"};
static const char *const kind_names[KIND_COUNT] = {"seq", "spsc", "mpsc", "mpmc"};

const char *bench_flavor_name(bench_flavor flavor) {
    return flavor < FLAVOR_COUNT ? flavor_names[flavor] : "?";
}

const char *bench_kind_name(bench_kind kind) {
    return kind < KIND_COUNT ? kind_names[kind] : "?";
}

bool bench_parse_flavor(const char *name, bench_flavor *flavor) {
    for (int f = 0; f < FLAVOR_COUNT; f++) {
        if (strcmp(name, flavor_names[f]) == 0) {
            *flavor = (bench_flavor)f;
            return true;
        }
    }
    return false;
}

bool bench_parse_workload(const char *name, bench_flavor *flavor, bench_kind *kind) {
    const char *dash = strchr(name, '-');
    if (!dash || (size_t)(dash - name) >= 32)
        return false;
    char head[32];
    memcpy(head, name, (size_t)(dash - name));
    head[dash - name] = '\0';
    if (!bench_parse_flavor(head, flavor))
        return false;
    for (int k = 0; k < KIND_COUNT; k++) {
        if (strcmp(dash + 1, kind_names[k]) == 0) {
            *kind = (bench_kind)k;
            return true;
        }
    }
    return false;
}

bool bench_workload_exists(bench_flavor flavor, bench_kind kind) {
    /* One thread filling a channel before draining it deadlocks unless everything fits. */
    return kind != KIND_SEQ || flavor == FLAVOR_UNBOUNDED || flavor == FLAVOR_BOUNDEDN;
}

long bench_capacity(bench_flavor flavor, uint64_t messages) {
    switch (flavor) {
    case FLAVOR_BOUNDED1: return 1;
    case FLAVOR_BOUNDEDN: return (long)messages; /* crossbeam: bounded(MESSAGES) */
    case FLAVOR_RENDEZVOUS: return 0;
    default: return -1;
    }
}

uint64_t bench_expected_count(bench_kind kind, uint64_t messages) {
    if (kind == KIND_SEQ || kind == KIND_SPSC)
        return messages;
    return messages / BENCH_THREADS * BENCH_THREADS;
}

static uint64_t sum_below(uint64_t n) {
    return n == 0 ? 0 : n * (n - 1) / 2;
}

uint64_t bench_expected_sum(bench_kind kind, uint64_t messages) {
    if (kind == KIND_SEQ || kind == KIND_SPSC)
        return sum_below(messages);
    return BENCH_THREADS * sum_below(messages / BENCH_THREADS);
}

double bench_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

_Noreturn void bench_die(const char *what, const char *why) {
    fprintf(stderr, "fl-bench: %s: %s\n", what, why);
    exit(1);
}

const bench_impl *bench_impl_find(const char *name) {
    static const bench_impl *const all[] = {&bench_fearless_impl, &bench_mutexq_impl};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    }
    return NULL;
}

double bench_mutex_run(const char *impl, int threads, uint64_t ops) {
    if (strcmp(impl, "fearless") == 0)
        return bench_mutex_fearless(threads, ops);
    if (strcmp(impl, "pthread") == 0)
        return bench_mutex_pthread(threads, ops);
    return -1;
}
