/* chan_fearless.c: the workloads over fearless channels (fl_channel / fl_sync_channel). */
#include <fearless/chan.h>
#include <fearless/status.h>

#include "bench.h"

typedef fl_sender q_tx;
typedef fl_receiver q_rx;
#define Q_MPMC 0 /* fl_receiver is NOT_SYNC, like std::sync::mpsc::Receiver */

static bool q_open(q_tx **tx, q_rx **rx, long cap) {
    fl_status s = cap < 0 ? fl_channel(tx, rx, sizeof(uint64_t))
                          : fl_sync_channel(tx, rx, sizeof(uint64_t), (size_t)cap);
    return s == FL_OK;
}

static q_tx *q_tx_clone(q_tx *tx) {
    fl_sender *clone;
    fl_status s = fl_sender_clone(tx, &clone);
    if (s != FL_OK)
        bench_die("fl_sender_clone", fl_status_str(s));
    return clone;
}

static void q_tx_drop(q_tx *tx) {
    fl_sender_drop(tx);
}

static void q_rx_drop(q_rx *rx) {
    fl_receiver_drop(rx);
}

static void q_send(q_tx *tx, uint64_t value) {
    fl_status s = fl_send(tx, &value);
    if (s != FL_OK)
        bench_die("fl_send", fl_status_str(s));
}

static uint64_t q_recv(q_rx *rx) {
    uint64_t value;
    fl_status s = fl_recv(rx, &value);
    if (s != FL_OK)
        bench_die("fl_recv", fl_status_str(s));
    return value;
}

#include "chan_workloads.inc.h"

const bench_impl bench_fearless_impl = {"fearless", q_supports, q_run, q_alloc_probe};
