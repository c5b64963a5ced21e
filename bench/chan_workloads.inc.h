/* chan_workloads.inc.h: the channel workloads, written once and compiled once per
 * implementation (included by chan_fearless.c and chan_mutexq.c), so every implementation
 * runs the same loops with direct, inlinable calls -- as crossbeam's generic Rust does.
 *
 * The including file defines, before the #include:
 *   q_tx, q_rx                    sender and receiver types
 *   bool q_open(q_tx **, q_rx **, long cap)      cap -1: unbounded, 0: rendezvous
 *   q_tx *q_tx_clone(q_tx *)      another sender for one more producer thread
 *   void q_tx_drop(q_tx *), q_rx_drop(q_rx *)
 *   void q_send(q_tx *, uint64_t), uint64_t q_recv(q_rx *)   (die on failure)
 *   Q_MPMC                        1 when several threads may receive from one q_rx
 * and gets static q_supports, q_run and q_alloc_probe for its bench_impl. */
#include "bench.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

typedef struct producer {
    q_tx *tx; /* owned by the producer thread, dropped when it is done */
    uint64_t count;
} producer;

typedef struct consumer {
    q_rx *rx; /* shared by the consumers (mpmc) or owned by the one consumer */
    uint64_t count;
    uint64_t sum;
    atomic_bool warm; /* allocation probe: the warm-up messages have arrived */
} consumer;

static void start_thread(pthread_t *thread, void *(*fn)(void *), void *arg) {
    int err = pthread_create(thread, NULL, fn, arg);
    if (err != 0)
        bench_die("pthread_create", strerror(err));
}

static void join_thread(pthread_t thread) {
    int err = pthread_join(thread, NULL);
    if (err != 0)
        bench_die("pthread_join", strerror(err));
}

static void send_range(q_tx *tx, uint64_t count) {
    for (uint64_t i = 0; i < count; i++)
        q_send(tx, i);
}

static uint64_t drain(q_rx *rx, uint64_t count) {
    uint64_t sum = 0;
    for (uint64_t i = 0; i < count; i++)
        sum += q_recv(rx);
    return sum;
}

static void *produce(void *arg) {
    producer *p = arg;
    send_range(p->tx, p->count);
    q_tx_drop(p->tx);
    return NULL;
}

static void run_seq(q_tx *tx, q_rx *rx, uint64_t messages, bench_result *out) {
    send_range(tx, messages);
    q_tx_drop(tx);
    out->sum = drain(rx, messages);
    out->received = messages;
}

static void run_spsc(q_tx *tx, q_rx *rx, uint64_t messages, bench_result *out) {
    producer p = {tx, messages};
    pthread_t thread;
    start_thread(&thread, produce, &p);
    out->sum = drain(rx, messages);
    out->received = messages;
    join_thread(thread);
}

static void start_producers(q_tx *tx, uint64_t per_thread, producer p[BENCH_THREADS],
                            pthread_t threads[BENCH_THREADS]) {
    for (int i = 0; i < BENCH_THREADS; i++) {
        p[i] = (producer){q_tx_clone(tx), per_thread};
        start_thread(&threads[i], produce, &p[i]);
    }
    q_tx_drop(tx);
}

static void run_mpsc(q_tx *tx, q_rx *rx, uint64_t messages, bench_result *out) {
    uint64_t per_thread = messages / BENCH_THREADS;
    producer p[BENCH_THREADS];
    pthread_t threads[BENCH_THREADS];
    start_producers(tx, per_thread, p, threads);
    out->received = per_thread * BENCH_THREADS;
    out->sum = drain(rx, out->received);
    for (int i = 0; i < BENCH_THREADS; i++)
        join_thread(threads[i]);
}

#if Q_MPMC
static void *consume(void *arg) {
    consumer *c = arg;
    c->sum = drain(c->rx, c->count);
    return NULL;
}

static void run_mpmc(q_tx *tx, q_rx *rx, uint64_t messages, bench_result *out) {
    uint64_t per_thread = messages / BENCH_THREADS;
    producer p[BENCH_THREADS];
    consumer c[BENCH_THREADS];
    pthread_t producers[BENCH_THREADS], consumers[BENCH_THREADS];
    start_producers(tx, per_thread, p, producers);
    for (int i = 0; i < BENCH_THREADS; i++) {
        c[i] = (consumer){.rx = rx, .count = per_thread};
        start_thread(&consumers[i], consume, &c[i]);
    }
    out->received = out->sum = 0;
    for (int i = 0; i < BENCH_THREADS; i++) {
        join_thread(producers[i]);
        join_thread(consumers[i]);
        out->received += c[i].count;
        out->sum += c[i].sum;
    }
}
#endif

static bool q_supports(bench_flavor flavor, bench_kind kind) {
    return flavor < FLAVOR_COUNT && kind < KIND_COUNT && bench_workload_exists(flavor, kind) &&
           (Q_MPMC || kind != KIND_MPMC);
}

static bool q_run(bench_flavor flavor, bench_kind kind, uint64_t messages, bench_result *out) {
    if (!q_supports(flavor, kind) || messages < BENCH_THREADS)
        return false;
    double start = bench_now(); /* crossbeam times channel creation too */
    q_tx *tx;
    q_rx *rx;
    if (!q_open(&tx, &rx, bench_capacity(flavor, messages)))
        return false;
    switch (kind) {
    case KIND_SEQ: run_seq(tx, rx, messages, out); break;
    case KIND_SPSC: run_spsc(tx, rx, messages, out); break;
    case KIND_MPSC: run_mpsc(tx, rx, messages, out); break;
#if Q_MPMC
    case KIND_MPMC: run_mpmc(tx, rx, messages, out); break;
#endif
    default: bench_die("q_run", "unsupported workload slipped through");
    }
    q_rx_drop(rx);
    out->seconds = bench_now() - start;
    return true;
}

static void *probe_consume(void *arg) {
    consumer *c = arg;
    uint64_t sum = drain(c->rx, BENCH_PROBE_WARMUP);
    atomic_store(&c->warm, true);
    c->sum = sum + drain(c->rx, c->count);
    return NULL;
}

/* Counts allocations while `messages` go from this thread to one consumer, after a
 * warm-up, so one-time setup (the channel, the threads, lazy parking state) is excluded. */
static bool q_alloc_probe(bench_flavor flavor, uint64_t messages, uint64_t (*count)(void),
                          uint64_t *allocs) {
    long cap = flavor == FLAVOR_BOUNDEDN ? (long)BENCH_PROBE_CAP : bench_capacity(flavor, 0);
    q_tx *tx;
    q_rx *rx;
    if (flavor >= FLAVOR_COUNT || !q_open(&tx, &rx, cap))
        return false;
    consumer c = {.rx = rx, .count = messages};
    atomic_init(&c.warm, false);
    pthread_t thread;
    start_thread(&thread, probe_consume, &c);
    send_range(tx, BENCH_PROBE_WARMUP);
    while (!atomic_load(&c.warm))
        sched_yield();
    uint64_t before = count();
    send_range(tx, messages);
    join_thread(thread);
    *allocs = count() - before;
    q_tx_drop(tx);
    q_rx_drop(rx);
    if (c.sum != bench_expected_sum(KIND_SPSC, BENCH_PROBE_WARMUP) +
                     bench_expected_sum(KIND_SPSC, messages))
        bench_die("allocation probe", "received sum is wrong");
    return true;
}
