/* Stress: endpoints dropping while the other side is blocked, for every flavor.
 * Senders dropping must wake a blocked receiver with FL_DISCONNECTED after it got every
 * message; a dropped receiver must wake blocked senders with FL_DISCONNECTED and leave
 * their values with them. Rounds: FL_STRESS_ITERS / 1000. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

enum { SENDERS = 3, UNBOUNDED = -1 };

static size_t rounds(void) {
    size_t r = rt_stress_iters() / 1000;
    return r == 0 ? 1 : r;
}

static void open_channel(int cap, fl_sender **tx, fl_receiver **rx) {
    fl_status status = cap == UNBOUNDED ? fl_channel(tx, rx, sizeof(uint64_t))
                                        : fl_sync_channel(tx, rx, sizeof(uint64_t), (size_t)cap);
    ck_assert_int_eq(status, FL_OK);
}

typedef struct {
    fl_sender *tx;
    uint64_t value;   /* sent once if nonzero */
    unsigned yields;  /* spread out the moment of the drop */
} dropper_arg;

static void *send_maybe_then_drop(void *arg) {
    dropper_arg *d = arg;
    fl_status status = FL_OK;
    for (unsigned i = 0; i < d->yields; i++)
        fl_yield();
    if (d->value != 0)
        status = fl_send(d->tx, &d->value);
    fl_sender_drop(d->tx);
    return (void *)(intptr_t)status;
}

/* The receiver blocks in recv while the senders send (or not) and drop. */
static void senders_drop_round(int cap, size_t round) {
    fl_sender *tx;
    fl_receiver *rx;
    open_channel(cap, &tx, &rx);
    dropper_arg args[SENDERS];
    fl_thread *threads[SENDERS];
    uint64_t want_sum = 0;
    for (int i = 0; i < SENDERS; i++) {
        ck_assert_int_eq(fl_sender_clone(tx, &args[i].tx), FL_OK);
        args[i].value = (round + (size_t)i) % 2 ? round * SENDERS + (size_t)i + 1 : 0;
        args[i].yields = (unsigned)((round * 7 + (size_t)i * 3) % 5);
        want_sum += args[i].value;
    }
    fl_sender_drop(tx);
    for (int i = 0; i < SENDERS; i++)
        threads[i] = rt_spawn(send_maybe_then_drop, &args[i]);
    uint64_t got, sum = 0;
    fl_status status;
    /* Alternate plain and timed receives: both must see the disconnect. */
    while ((status = round % 2 ? fl_recv(rx, &got) : fl_recv_timeout(rx, &got, 600000)) == FL_OK)
        sum += got;
    ck_assert_int_eq(status, FL_DISCONNECTED);
    ck_assert_uint_eq(sum, want_sum);
    for (int i = 0; i < SENDERS; i++)
        ck_assert_ptr_eq(rt_join(threads[i]), (void *)(intptr_t)FL_OK);
    fl_receiver_drop(rx);
}

typedef struct {
    fl_sender *tx;
    uint64_t id;
    size_t sent;         /* sends that returned FL_OK */
    int value_kept;      /* the refused value was left untouched */
    fl_status final;
    atomic_bool *receiver_gone; /* set once fl_receiver_drop has returned */
    bool accepted_after_drop;   /* a send begun after the drop returned FL_OK: the bug */
} flooder_arg;

/* A runaway guard only (memory): the real assertion is accepted_after_drop. */
enum { FLOOD_LIMIT = 20000000 };

/* Sends until the channel refuses; records how many were accepted. */
static void *send_until_refused(void *arg) {
    flooder_arg *f = arg;
    fl_status status = FL_OK;
    while (f->sent < FLOOD_LIMIT) {
        uint64_t value = f->id << 32 | f->sent;
        bool after_drop = atomic_load(f->receiver_gone);
        status = fl_send(f->tx, &value);
        if (status != FL_OK) {
            f->value_kept = value == (f->id << 32 | f->sent);
            break;
        }
        if (after_drop) {
            f->accepted_after_drop = true;
            break;
        }
        f->sent++;
    }
    f->final = status;
    fl_sender_drop(f->tx);
    return NULL;
}

/* The senders block (full or rendezvous) while the receiver takes a few and drops. */
static void receiver_drops_round(int cap, size_t round) {
    fl_sender *tx;
    fl_receiver *rx;
    open_channel(cap, &tx, &rx);
    flooder_arg args[SENDERS] = {0};
    fl_thread *threads[SENDERS];
    atomic_bool receiver_gone = false;
    for (int i = 0; i < SENDERS; i++) {
        ck_assert_int_eq(fl_sender_clone(tx, &args[i].tx), FL_OK);
        args[i].id = (uint64_t)i;
        args[i].receiver_gone = &receiver_gone;
    }
    fl_sender_drop(tx);
    for (int i = 0; i < SENDERS; i++)
        threads[i] = rt_spawn(send_until_refused, &args[i]);
    size_t received = 0, to_take = round % 6;
    uint64_t got;
    for (; received < to_take; received++)
        ck_assert_int_eq(fl_recv(rx, &got), FL_OK);
    fl_receiver_drop(rx);
    atomic_store(&receiver_gone, true);
    size_t accepted = 0;
    for (int i = 0; i < SENDERS; i++) {
        rt_join(threads[i]);
        ck_assert_msg(!args[i].accepted_after_drop,
                      "round %zu sender %d: a send begun after the receiver dropped returned FL_OK",
                      round, i);
        ck_assert_msg(args[i].final == FL_DISCONNECTED,
                      "round %zu sender %d: %zu sends accepted, last status %s after the "
                      "receiver dropped", round, i, args[i].sent, fl_status_str(args[i].final));
        ck_assert(args[i].value_kept);
        accepted += args[i].sent;
    }
    /* Accepted but never received: only what fit in the buffer (none at rendezvous). */
    ck_assert_uint_ge(accepted, received);
    if (cap != UNBOUNDED)
        ck_assert_uint_le(accepted, received + (size_t)cap);
}

static void senders_drop(int cap) {
    for (size_t r = 0, n = rounds(); r < n; r++)
        senders_drop_round(cap, r);
}

static void receiver_drops(int cap) {
    for (size_t r = 0, n = rounds(); r < n; r++)
        receiver_drops_round(cap, r);
}

START_TEST(senders_drop_unbounded) { senders_drop(UNBOUNDED); }
END_TEST
START_TEST(senders_drop_bounded_1) { senders_drop(1); }
END_TEST
START_TEST(senders_drop_bounded_4) { senders_drop(4); }
END_TEST
START_TEST(senders_drop_rendezvous) { senders_drop(0); }
END_TEST
START_TEST(receiver_drops_unbounded) { receiver_drops(UNBOUNDED); }
END_TEST
START_TEST(receiver_drops_bounded_1) { receiver_drops(1); }
END_TEST
START_TEST(receiver_drops_bounded_4) { receiver_drops(4); }
END_TEST
START_TEST(receiver_drops_rendezvous) { receiver_drops(0); }
END_TEST

static Suite *stress_drop_suite(void) {
    Suite *s = suite_create("stress_drop");
    TCase *senders = rt_tcase("senders_drop", 600);
    tcase_add_test(senders, senders_drop_unbounded);
    tcase_add_test(senders, senders_drop_bounded_1);
    tcase_add_test(senders, senders_drop_bounded_4);
    tcase_add_test(senders, senders_drop_rendezvous);
    suite_add_tcase(s, senders);
    TCase *receiver = rt_tcase("receiver_drops", 600);
    tcase_add_test(receiver, receiver_drops_unbounded);
    tcase_add_test(receiver, receiver_drops_bounded_1);
    tcase_add_test(receiver, receiver_drops_bounded_4);
    tcase_add_test(receiver, receiver_drops_rendezvous);
    suite_add_tcase(s, receiver);
    return s;
}

int main(void) {
    return rt_run_suite(stress_drop_suite());
}
