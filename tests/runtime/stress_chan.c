/* Stress: 4 producers x FL_STRESS_MSGS messages through each channel flavor to one
 * consumer. Every message must arrive exactly once and in per-producer order. */
#include "rt_test.h"

#include <stdint.h>

enum { PRODUCERS = 4 };

typedef struct {
    uint32_t producer;
    uint32_t seq;
} stamped;

typedef struct {
    fl_sender *tx;
    uint32_t id;
    size_t count;
} producer_arg;

/* Sends count stamped messages, then drops its sender; returns the failing status. */
static void *produce(void *arg) {
    producer_arg *p = arg;
    fl_status status = FL_OK;
    for (size_t i = 0; i < p->count && status == FL_OK; i++) {
        stamped msg = {.producer = p->id, .seq = (uint32_t)i};
        status = fl_send(p->tx, &msg);
    }
    fl_sender_drop(p->tx);
    return (void *)(intptr_t)status;
}

/* Receives until disconnected, checking each producer's next sequence number. */
static void consume_and_check(fl_receiver *rx, size_t count) {
    size_t next[PRODUCERS] = {0};
    uint64_t sums[PRODUCERS] = {0};
    size_t total = 0;
    stamped msg;
    fl_status status;
    while ((status = fl_recv(rx, &msg)) == FL_OK) {
        ck_assert_uint_lt(msg.producer, PRODUCERS);
        if (msg.seq != next[msg.producer])
            ck_abort_msg("producer %u: got seq %u, expected %zu (lost, duplicated or reordered)",
                         msg.producer, msg.seq, next[msg.producer]);
        next[msg.producer]++;
        sums[msg.producer] += msg.seq;
        total++;
    }
    ck_assert_int_eq(status, FL_DISCONNECTED);
    ck_assert_uint_eq(total, PRODUCERS * count);
    uint64_t want_sum = (uint64_t)count * (count - 1) / 2;
    for (int p = 0; p < PRODUCERS; p++) {
        ck_assert_uint_eq(next[p], count);
        ck_assert_uint_eq(sums[p], want_sum);
    }
}

/* Clones one sender per producer, drops the original, consumes on this thread. */
static void run_mpsc(fl_sender *tx, fl_receiver *rx, size_t count) {
    producer_arg args[PRODUCERS];
    fl_thread *threads[PRODUCERS];
    for (int p = 0; p < PRODUCERS; p++) {
        args[p].id = (uint32_t)p;
        args[p].count = count;
        ck_assert_int_eq(fl_sender_clone(tx, &args[p].tx), FL_OK);
    }
    fl_sender_drop(tx);
    for (int p = 0; p < PRODUCERS; p++)
        threads[p] = rt_spawn(produce, &args[p]);
    consume_and_check(rx, count);
    for (int p = 0; p < PRODUCERS; p++)
        ck_assert_ptr_eq(rt_join(threads[p]), (void *)(intptr_t)FL_OK);
    fl_receiver_drop(rx);
}

static void run_sync(size_t cap, size_t count) {
    fl_sender *tx;
    fl_receiver *rx;
    ck_assert_int_eq(fl_sync_channel(&tx, &rx, sizeof(stamped), cap), FL_OK);
    run_mpsc(tx, rx, count);
}

START_TEST(unbounded_four_producers) {
    fl_sender *tx;
    fl_receiver *rx;
    ck_assert_int_eq(fl_channel(&tx, &rx, sizeof(stamped)), FL_OK);
    run_mpsc(tx, rx, rt_stress_msgs());
}
END_TEST

START_TEST(bounded_1_four_producers) {
    run_sync(1, rt_stress_msgs());
}
END_TEST

START_TEST(bounded_64_four_producers) {
    run_sync(64, rt_stress_msgs());
}
END_TEST

START_TEST(rendezvous_four_producers) {
    run_sync(0, rt_stress_msgs());
}
END_TEST

static Suite *stress_chan_suite(void) {
    /* One case per flavor, so ctest can run them apart (CK_RUN_CASE). */
    Suite *s = suite_create("stress_chan");
    TCase *unbounded = rt_tcase("unbounded", 600);
    tcase_add_test(unbounded, unbounded_four_producers);
    suite_add_tcase(s, unbounded);
    TCase *bounded_1 = rt_tcase("bounded_1", 600);
    tcase_add_test(bounded_1, bounded_1_four_producers);
    suite_add_tcase(s, bounded_1);
    TCase *bounded_64 = rt_tcase("bounded_64", 600);
    tcase_add_test(bounded_64, bounded_64_four_producers);
    suite_add_tcase(s, bounded_64);
    TCase *rendezvous = rt_tcase("rendezvous", 600);
    tcase_add_test(rendezvous, rendezvous_four_producers);
    suite_add_tcase(s, rendezvous);
    return s;
}

int main(void) {
    return rt_run_suite(stress_chan_suite());
}
