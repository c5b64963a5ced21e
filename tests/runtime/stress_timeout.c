/* Stress: timed and non-blocking operations racing with their partners. A receive that
 * times out just as a message arrives must not consume it; a try_send refused with
 * FL_FULL must not deliver it. One producer uses fl_send, one spins on fl_try_send; the
 * consumer only uses fl_recv_timeout with 0 or 1 ms. Every message must arrive once, in
 * per-producer order. Messages per producer: FL_STRESS_ITERS / 50. */
#include "rt_test.h"

#include <stdint.h>

enum { PRODUCERS = 2, UNBOUNDED = -1 };

typedef struct {
    uint32_t producer;
    uint32_t seq;
} stamped;

typedef struct {
    fl_sender *tx;
    uint32_t id;
    size_t count;
    size_t refusals; /* FL_FULL answers seen by the try_send producer */
} producer_arg;

static void *produce_blocking(void *arg) {
    producer_arg *p = arg;
    fl_status status = FL_OK;
    for (size_t i = 0; i < p->count && status == FL_OK; i++) {
        stamped msg = {.producer = p->id, .seq = (uint32_t)i};
        status = fl_send(p->tx, &msg);
    }
    fl_sender_drop(p->tx);
    return (void *)(intptr_t)status;
}

static void *produce_trying(void *arg) {
    producer_arg *p = arg;
    fl_status status = FL_OK;
    for (size_t i = 0; i < p->count && status == FL_OK; i++) {
        stamped msg = {.producer = p->id, .seq = (uint32_t)i};
        while ((status = fl_try_send(p->tx, &msg)) == FL_FULL) {
            p->refusals++;
            fl_yield();
        }
    }
    fl_sender_drop(p->tx);
    return (void *)(intptr_t)status;
}

static void consume_with_timeouts(fl_receiver *rx, size_t count) {
    size_t next[PRODUCERS] = {0}, total = 0;
    stamped msg;
    fl_status status;
    for (unsigned attempt = 0;; attempt++) {
        status = fl_recv_timeout(rx, &msg, attempt % 2);
        if (status == FL_TIMEOUT)
            continue;
        if (status != FL_OK)
            break;
        ck_assert_uint_lt(msg.producer, PRODUCERS);
        if (msg.seq != next[msg.producer])
            ck_abort_msg("producer %u: got seq %u, expected %zu (lost, duplicated or reordered)",
                         msg.producer, msg.seq, next[msg.producer]);
        next[msg.producer]++;
        total++;
    }
    ck_assert_int_eq(status, FL_DISCONNECTED);
    ck_assert_uint_eq(total, PRODUCERS * count);
}

static void race_timeouts(int cap) {
    fl_sender *tx;
    fl_receiver *rx;
    fl_status status = cap == UNBOUNDED ? fl_channel(&tx, &rx, sizeof(stamped))
                                        : fl_sync_channel(&tx, &rx, sizeof(stamped), (size_t)cap);
    ck_assert_int_eq(status, FL_OK);
    size_t count = rt_stress_iters() / 50;
    producer_arg args[PRODUCERS];
    for (int p = 0; p < PRODUCERS; p++) {
        args[p] = (producer_arg){.id = (uint32_t)p, .count = count};
        ck_assert_int_eq(fl_sender_clone(tx, &args[p].tx), FL_OK);
    }
    fl_sender_drop(tx);
    fl_thread *blocking = rt_spawn(produce_blocking, &args[0]);
    fl_thread *trying = rt_spawn(produce_trying, &args[1]);
    consume_with_timeouts(rx, count);
    ck_assert_ptr_eq(rt_join(blocking), (void *)(intptr_t)FL_OK);
    ck_assert_ptr_eq(rt_join(trying), (void *)(intptr_t)FL_OK);
    fl_receiver_drop(rx);
}

START_TEST(timeouts_unbounded) { race_timeouts(UNBOUNDED); }
END_TEST
START_TEST(timeouts_bounded_1) { race_timeouts(1); }
END_TEST
START_TEST(timeouts_bounded_8) { race_timeouts(8); }
END_TEST
START_TEST(timeouts_rendezvous) { race_timeouts(0); }
END_TEST

static Suite *stress_timeout_suite(void) {
    Suite *s = suite_create("stress_timeout");
    TCase *tc = rt_tcase("timeouts", 600);
    tcase_add_test(tc, timeouts_unbounded);
    tcase_add_test(tc, timeouts_bounded_1);
    tcase_add_test(tc, timeouts_bounded_8);
    tcase_add_test(tc, timeouts_rendezvous);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(stress_timeout_suite());
}
