/* Unit tests for chan.h: every call, every status it can return (FL_NOMEM: test_nomem.c). */
#include "rt_test.h"

#include <stdint.h>
#include <string.h>

/* An odd-sized element, so copies of elem_size bytes are checked exactly. */
typedef struct {
    uint32_t seq;
    char tag[9];
} odd_msg;

static fl_sender *tx;
static fl_receiver *rx;

static void open_unbounded(void) {
    ck_assert_int_eq(fl_channel(&tx, &rx, sizeof(int)), FL_OK);
    ck_assert_ptr_nonnull(tx);
    ck_assert_ptr_nonnull(rx);
}

static void open_sync(size_t cap) {
    ck_assert_int_eq(fl_sync_channel(&tx, &rx, sizeof(int), cap), FL_OK);
    ck_assert_ptr_nonnull(tx);
    ck_assert_ptr_nonnull(rx);
}

static void close_both(void) {
    fl_sender_drop(tx);
    fl_receiver_drop(rx);
}

START_TEST(channel_rejects_bad_arguments) {
    ck_assert_int_eq(fl_channel(NULL, &rx, sizeof(int)), FL_INVAL);
    ck_assert_int_eq(fl_channel(&tx, NULL, sizeof(int)), FL_INVAL);
    ck_assert_int_eq(fl_channel(&tx, &rx, 0), FL_INVAL);
    ck_assert_int_eq(fl_sync_channel(NULL, &rx, sizeof(int), 4), FL_INVAL);
    ck_assert_int_eq(fl_sync_channel(&tx, NULL, sizeof(int), 4), FL_INVAL);
    ck_assert_int_eq(fl_sync_channel(&tx, &rx, 0, 4), FL_INVAL);
    ck_assert_int_eq(fl_sync_channel(&tx, &rx, 0, 0), FL_INVAL);
}
END_TEST

START_TEST(operations_reject_null) {
    open_unbounded();
    int value = 1;
    fl_sender *clone = NULL;
    ck_assert_int_eq(fl_send(NULL, &value), FL_INVAL);
    ck_assert_int_eq(fl_send(tx, NULL), FL_INVAL);
    ck_assert_int_eq(fl_try_send(NULL, &value), FL_INVAL);
    ck_assert_int_eq(fl_try_send(tx, NULL), FL_INVAL);
    ck_assert_int_eq(fl_recv(NULL, &value), FL_INVAL);
    ck_assert_int_eq(fl_recv(rx, NULL), FL_INVAL);
    ck_assert_int_eq(fl_try_recv(NULL, &value), FL_INVAL);
    ck_assert_int_eq(fl_try_recv(rx, NULL), FL_INVAL);
    ck_assert_int_eq(fl_recv_timeout(NULL, &value, 1), FL_INVAL);
    ck_assert_int_eq(fl_recv_timeout(rx, NULL, 1), FL_INVAL);
    ck_assert_int_eq(fl_sender_clone(NULL, &clone), FL_INVAL);
    ck_assert_int_eq(fl_sender_clone(tx, NULL), FL_INVAL);
    fl_sender_drop(NULL); /* must not crash */
    fl_receiver_drop(NULL);
    /* None of the rejected calls may have queued anything. */
    ck_assert_int_eq(fl_try_recv(rx, &value), FL_EMPTY);
    close_both();
}
END_TEST

/* Enough messages to cross many internal blocks of the unbounded list. */
START_TEST(unbounded_is_fifo_with_odd_element_size) {
    ck_assert_int_eq(fl_channel(&tx, &rx, sizeof(odd_msg)), FL_OK);
    enum { COUNT = 10000 };
    for (uint32_t i = 0; i < COUNT; i++) {
        odd_msg msg = {.seq = i};
        snprintf(msg.tag, sizeof msg.tag, "m%u", i % 1000);
        ck_assert_int_eq(fl_send(tx, &msg), FL_OK);
    }
    for (uint32_t i = 0; i < COUNT; i++) {
        odd_msg got;
        char want[9];
        memset(&got, 0xAB, sizeof got);
        ck_assert_int_eq(fl_try_recv(rx, &got), FL_OK);
        snprintf(want, sizeof want, "m%u", i % 1000);
        ck_assert_uint_eq(got.seq, i);
        ck_assert_str_eq(got.tag, want);
    }
    ck_assert_int_eq(fl_try_recv(rx, &(odd_msg){0}), FL_EMPTY);
    close_both();
}
END_TEST

START_TEST(try_recv_reports_empty_then_disconnected) {
    open_unbounded();
    int value = 0;
    ck_assert_int_eq(fl_try_recv(rx, &value), FL_EMPTY);
    int sent = 42;
    ck_assert_int_eq(fl_send(tx, &sent), FL_OK);
    fl_sender_drop(tx);
    /* Queued messages outlive the senders; only then does the channel report it. */
    ck_assert_int_eq(fl_try_recv(rx, &value), FL_OK);
    ck_assert_int_eq(value, 42);
    ck_assert_int_eq(fl_try_recv(rx, &value), FL_DISCONNECTED);
    ck_assert_int_eq(fl_recv(rx, &value), FL_DISCONNECTED);
    ck_assert_int_eq(fl_recv_timeout(rx, &value, 1000), FL_DISCONNECTED);
    fl_receiver_drop(rx);
}
END_TEST

START_TEST(recv_timeout_times_out_then_receives) {
    const size_t caps[] = {SIZE_MAX, 1, 8};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        if (caps[i] == SIZE_MAX)
            open_unbounded();
        else
            open_sync(caps[i]);
        int value = -1;
        ck_assert_int_eq(fl_recv_timeout(rx, &value, 20), FL_TIMEOUT);
        ck_assert_int_eq(value, -1);
        ck_assert_int_eq(fl_recv_timeout(rx, &value, 0), FL_TIMEOUT);
        int sent = 7;
        ck_assert_int_eq(fl_send(tx, &sent), FL_OK);
        ck_assert_int_eq(fl_recv_timeout(rx, &value, 20), FL_OK);
        ck_assert_int_eq(value, 7);
        close_both();
    }
}
END_TEST

START_TEST(send_after_receiver_dropped_keeps_value) {
    const size_t caps[] = {SIZE_MAX, 0, 1, 4};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        if (caps[i] == SIZE_MAX)
            open_unbounded();
        else
            open_sync(caps[i]);
        fl_receiver_drop(rx);
        int value = 99;
        ck_assert_int_eq(fl_send(tx, &value), FL_DISCONNECTED);
        ck_assert_int_eq(fl_try_send(tx, &value), FL_DISCONNECTED);
        ck_assert_int_eq(value, 99);
        fl_sender_drop(tx);
    }
}
END_TEST

START_TEST(bounded_try_send_reports_full) {
    open_sync(2);
    int a = 1, b = 2, c = 3, got = 0;
    ck_assert_int_eq(fl_try_send(tx, &a), FL_OK);
    ck_assert_int_eq(fl_try_send(tx, &b), FL_OK);
    ck_assert_int_eq(fl_try_send(tx, &c), FL_FULL);
    ck_assert_int_eq(c, 3);
    ck_assert_int_eq(fl_recv(rx, &got), FL_OK);
    ck_assert_int_eq(got, 1);
    ck_assert_int_eq(fl_try_send(tx, &c), FL_OK);
    ck_assert_int_eq(fl_recv(rx, &got), FL_OK);
    ck_assert_int_eq(got, 2);
    ck_assert_int_eq(fl_recv(rx, &got), FL_OK);
    ck_assert_int_eq(got, 3);
    ck_assert_int_eq(fl_try_recv(rx, &got), FL_EMPTY);
    close_both();
}
END_TEST

START_TEST(bounded_wraps_around_many_times) {
    open_sync(3);
    for (int i = 0; i < 1000; i++) {
        int got = -1, sent = i;
        ck_assert_int_eq(fl_try_send(tx, &sent), FL_OK);
        ck_assert_int_eq(fl_try_recv(rx, &got), FL_OK);
        ck_assert_int_eq(got, i);
    }
    close_both();
}
END_TEST

START_TEST(rendezvous_without_partner_is_full_or_empty) {
    open_sync(0);
    int value = 5, got = -1;
    ck_assert_int_eq(fl_try_send(tx, &value), FL_FULL);
    ck_assert_int_eq(value, 5);
    ck_assert_int_eq(fl_try_recv(rx, &got), FL_EMPTY);
    ck_assert_int_eq(fl_recv_timeout(rx, &got, 10), FL_TIMEOUT);
    ck_assert_int_eq(got, -1);
    close_both();
}
END_TEST

static void *send_two_then_drop(void *arg) {
    fl_sender *sender = arg;
    fl_status status = FL_OK;
    for (int i = 1; i <= 2 && status == FL_OK; i++)
        status = fl_send(sender, &i);
    fl_sender_drop(sender);
    return (void *)(intptr_t)status;
}

/* The sender blocks (full ring, or no partner at rendezvous) until main receives. */
START_TEST(blocking_send_waits_for_receiver) {
    const size_t caps[] = {0, 1};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        open_sync(caps[i]);
        fl_thread *t = rt_spawn(send_two_then_drop, tx);
        fl_sleep_ms(10);
        int got = 0;
        ck_assert_int_eq(fl_recv(rx, &got), FL_OK);
        ck_assert_int_eq(got, 1);
        ck_assert_int_eq(fl_recv(rx, &got), FL_OK);
        ck_assert_int_eq(got, 2);
        ck_assert_int_eq(fl_recv(rx, &got), FL_DISCONNECTED);
        ck_assert_ptr_eq(rt_join(t), (void *)(intptr_t)FL_OK);
        fl_receiver_drop(rx);
    }
}
END_TEST

static void *recv_one(void *arg) {
    fl_receiver *receiver = arg;
    int got = -1;
    fl_status status = fl_recv(receiver, &got);
    fl_receiver_drop(receiver);
    return (void *)(intptr_t)(status == FL_OK ? got : -100 - (int)status);
}

/* A receiver is Send: it can move to another thread; a waiting receiver makes a
 * rendezvous try_send succeed. */
START_TEST(rendezvous_try_send_meets_waiting_receiver) {
    open_sync(0);
    fl_thread *t = rt_spawn(recv_one, rx);
    int value = 77;
    fl_status status;
    while ((status = fl_try_send(tx, &value)) == FL_FULL)
        fl_yield();
    ck_assert_int_eq(status, FL_OK);
    ck_assert_ptr_eq(rt_join(t), (void *)(intptr_t)77);
    fl_sender_drop(tx);
}
END_TEST

static void *send_later(void *arg) {
    fl_sender *sender = arg;
    fl_sleep_ms(10);
    int value = 123;
    fl_status status = fl_send(sender, &value);
    fl_sender_drop(sender);
    return (void *)(intptr_t)status;
}

START_TEST(recv_blocks_until_message_arrives) {
    const size_t caps[] = {SIZE_MAX, 0, 1, 8};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        if (caps[i] == SIZE_MAX)
            open_unbounded();
        else
            open_sync(caps[i]);
        fl_thread *t = rt_spawn(send_later, tx);
        int got = 0;
        ck_assert_int_eq(fl_recv(rx, &got), FL_OK);
        ck_assert_int_eq(got, 123);
        ck_assert_int_eq(fl_recv(rx, &got), FL_DISCONNECTED);
        ck_assert_ptr_eq(rt_join(t), (void *)(intptr_t)FL_OK);
        fl_receiver_drop(rx);
    }
}
END_TEST

START_TEST(recv_timeout_gets_late_message) {
    open_unbounded();
    fl_thread *t = rt_spawn(send_later, tx);
    int got = 0;
    ck_assert_int_eq(fl_recv_timeout(rx, &got, 60000), FL_OK);
    ck_assert_int_eq(got, 123);
    ck_assert_ptr_eq(rt_join(t), (void *)(intptr_t)FL_OK);
    fl_receiver_drop(rx);
}
END_TEST

START_TEST(clones_keep_channel_connected) {
    open_unbounded();
    fl_sender *clone = NULL;
    ck_assert_int_eq(fl_sender_clone(tx, &clone), FL_OK);
    ck_assert_ptr_nonnull(clone);
    fl_sender_drop(tx);
    int value = 0, sent = 11;
    ck_assert_int_eq(fl_try_recv(rx, &value), FL_EMPTY);
    ck_assert_int_eq(fl_send(clone, &sent), FL_OK);
    ck_assert_int_eq(fl_recv(rx, &value), FL_OK);
    ck_assert_int_eq(value, 11);
    fl_sender_drop(clone);
    ck_assert_int_eq(fl_try_recv(rx, &value), FL_DISCONNECTED);
    fl_receiver_drop(rx);
}
END_TEST

/* Dropping the receiver with messages still queued must free them (ASan checks leaks). */
START_TEST(receiver_drop_discards_queued_messages) {
    const size_t caps[] = {SIZE_MAX, 16};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        if (caps[i] == SIZE_MAX)
            open_unbounded();
        else
            open_sync(caps[i]);
        for (int v = 0; v < 16; v++)
            ck_assert_int_eq(fl_send(tx, &v), FL_OK);
        fl_receiver_drop(rx);
        int more = 1;
        ck_assert_int_eq(fl_send(tx, &more), FL_DISCONNECTED);
        fl_sender_drop(tx);
    }
}
END_TEST

static Suite *chan_suite(void) {
    Suite *s = suite_create("chan");
    TCase *args = rt_tcase("arguments", 10);
    tcase_add_test(args, channel_rejects_bad_arguments);
    tcase_add_test(args, operations_reject_null);
    suite_add_tcase(s, args);
    TCase *single = rt_tcase("single_thread", 10);
    tcase_add_test(single, unbounded_is_fifo_with_odd_element_size);
    tcase_add_test(single, try_recv_reports_empty_then_disconnected);
    tcase_add_test(single, recv_timeout_times_out_then_receives);
    tcase_add_test(single, send_after_receiver_dropped_keeps_value);
    tcase_add_test(single, bounded_try_send_reports_full);
    tcase_add_test(single, bounded_wraps_around_many_times);
    tcase_add_test(single, rendezvous_without_partner_is_full_or_empty);
    tcase_add_test(single, clones_keep_channel_connected);
    tcase_add_test(single, receiver_drop_discards_queued_messages);
    suite_add_tcase(s, single);
    TCase *threads = rt_tcase("threads", 30);
    tcase_add_test(threads, blocking_send_waits_for_receiver);
    tcase_add_test(threads, rendezvous_try_send_meets_waiting_receiver);
    tcase_add_test(threads, recv_blocks_until_message_arrives);
    tcase_add_test(threads, recv_timeout_gets_late_message);
    suite_add_tcase(s, threads);
    return s;
}

int main(void) {
    return rt_run_suite(chan_suite());
}
