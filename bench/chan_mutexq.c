/* chan_mutexq.c: the workloads over mutexq, the mutex+condvar baseline. */
#include "mutexq.h"

#include "bench.h"

typedef mutexq q_tx;
typedef mutexq q_rx;
#define Q_MPMC 1

static bool q_open(q_tx **tx, q_rx **rx, long cap) {
    mutexq *q = mutexq_new(cap);
    if (!q)
        return false;
    *tx = q;
    *rx = mutexq_retain(q);
    return true;
}

static q_tx *q_tx_clone(q_tx *tx) {
    return mutexq_retain(tx);
}

static void q_tx_drop(q_tx *tx) {
    mutexq_release(tx);
}

static void q_rx_drop(q_rx *rx) {
    mutexq_release(rx);
}

static void q_send(q_tx *tx, uint64_t value) {
    if (!mutexq_send(tx, value))
        bench_die("mutexq_send", "out of memory");
}

static uint64_t q_recv(q_rx *rx) {
    return mutexq_recv(rx);
}

#include "chan_workloads.inc.h"

const bench_impl bench_mutexq_impl = {"mutexq", q_supports, q_run, q_alloc_probe};
