/* bench.h: the channel and mutex workloads shared by fl-bench, fl-bench-alloc and the
 * bench smoke test. Workloads follow crossbeam-channel's benchmarks/ folder: `seq` (one
 * thread sends everything, then receives it), `spsc`, `mpsc` (BENCH_THREADS producers, the
 * main thread receives) and `mpmc` (BENCH_THREADS producers and BENCH_THREADS consumers),
 * each over an unbounded, bounded(1), bounded(messages) or rendezvous channel. Messages
 * are uint64_t (crossbeam's `usize`); producer i sends 0, 1, ... so the receivers' sum
 * proves that nothing was lost or delivered twice. */
#ifndef FL_BENCH_H
#define FL_BENCH_H

#include <stdbool.h>
#include <stdint.h>

#define BENCH_THREADS 4
#define BENCH_PROBE_WARMUP 1000u /* messages before the allocation probe starts counting */
#define BENCH_PROBE_CAP 1024u    /* capacity of boundedN in the allocation probe */

typedef enum bench_flavor {
    FLAVOR_UNBOUNDED, FLAVOR_BOUNDED1, FLAVOR_BOUNDEDN, FLAVOR_RENDEZVOUS, FLAVOR_COUNT
} bench_flavor;

typedef enum bench_kind { KIND_SEQ, KIND_SPSC, KIND_MPSC, KIND_MPMC, KIND_COUNT } bench_kind;

typedef struct bench_result {
    uint64_t received; /* messages received by all consumers */
    uint64_t sum;      /* sum of the received values */
    double seconds;    /* channel creation to the last join */
} bench_result;

/* One channel implementation: runs a workload, or counts allocations (calls of `count`)
 * while `messages` cross a channel from the main thread to one consumer thread. Both
 * return false when the implementation cannot set the channel up. */
typedef struct bench_impl {
    const char *name;
    bool (*supports)(bench_flavor flavor, bench_kind kind);
    bool (*run)(bench_flavor flavor, bench_kind kind, uint64_t messages, bench_result *out);
    bool (*alloc_probe)(bench_flavor flavor, uint64_t messages, uint64_t (*count)(void),
                        uint64_t *allocs);
} bench_impl;

extern const bench_impl bench_fearless_impl;
extern const bench_impl bench_mutexq_impl;

/* Lookup by name ("fearless", "mutexq"); NULL when unknown. */
const bench_impl *bench_impl_find(const char *name);

/* "boundedN-mpsc" <-> (FLAVOR_BOUNDEDN, KIND_MPSC). Parsing returns false on bad names. */
bool bench_parse_workload(const char *name, bench_flavor *flavor, bench_kind *kind);
bool bench_parse_flavor(const char *name, bench_flavor *flavor);
const char *bench_flavor_name(bench_flavor flavor);
const char *bench_kind_name(bench_kind kind);

/* Whether any implementation can run it: seq needs room for every message. */
bool bench_workload_exists(bench_flavor flavor, bench_kind kind);

/* Capacity of the flavor's channel for a run of `messages`; -1 for unbounded. */
long bench_capacity(bench_flavor flavor, uint64_t messages);

/* What a correct run of `messages` receives, and the sum of it. */
uint64_t bench_expected_count(bench_kind kind, uint64_t messages);
uint64_t bench_expected_sum(bench_kind kind, uint64_t messages);

/* Seconds on the monotonic clock. */
double bench_now(void);

/* Prints "fl-bench: what: why" to stderr and exits 1: a benchmark invariant broke. */
_Noreturn void bench_die(const char *what, const char *why);

/* Lock/unlock `ops` times in total over `threads` threads (1 or 2), each pair around an
 * increment of a shared counter. impl: "fearless" or "pthread". Returns the seconds taken,
 * or a negative value on a bad impl/threads or a wrong final counter. */
double bench_mutex_run(const char *impl, int threads, uint64_t ops);
double bench_mutex_fearless(int threads, uint64_t ops);
double bench_mutex_pthread(int threads, uint64_t ops);

#endif
