/* Unit tests for barrier.h. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>

enum { PARTIES = 3, ROUNDS = 5 };

static fl_barrier barrier;
static atomic_int arrived;
static atomic_int leaders;

START_TEST(init_rejects_null_and_zero) {
    fl_barrier b;
    ck_assert_int_eq(fl_barrier_init(NULL, 2), FL_INVAL);
    ck_assert_int_eq(fl_barrier_init(&b, 0), FL_INVAL);
    ck_assert_int_eq(fl_barrier_init(&b, 2), FL_OK);
}
END_TEST

/* A barrier of one never blocks and its only party always leads. */
START_TEST(single_party_always_leads) {
    fl_barrier b;
    ck_assert_int_eq(fl_barrier_init(&b, 1), FL_OK);
    for (int i = 0; i < 3; i++)
        ck_assert(fl_barrier_wait(&b));
}
END_TEST

/* Returns the number of phase violations seen: nobody may pass round r before all
 * PARTIES arrived in it. */
static void *run_rounds(void *arg) {
    (void)arg;
    intptr_t violations = 0;
    for (int round = 0; round < ROUNDS; round++) {
        atomic_fetch_add(&arrived, 1);
        if (fl_barrier_wait(&barrier))
            atomic_fetch_add(&leaders, 1);
        if (atomic_load(&arrived) < PARTIES * (round + 1))
            violations++;
        /* Second barrier so no one races into the next round's count early. */
        fl_barrier_wait(&barrier);
    }
    return (void *)violations;
}

START_TEST(one_leader_per_round_and_no_early_pass) {
    ck_assert_int_eq(fl_barrier_init(&barrier, PARTIES), FL_OK);
    atomic_store(&arrived, 0);
    atomic_store(&leaders, 0);
    fl_thread *t[PARTIES];
    for (int i = 0; i < PARTIES; i++)
        t[i] = rt_spawn(run_rounds, NULL);
    for (int i = 0; i < PARTIES; i++)
        ck_assert_ptr_eq(rt_join(t[i]), (void *)0);
    ck_assert_int_eq(atomic_load(&arrived), PARTIES * ROUNDS);
    ck_assert_int_eq(atomic_load(&leaders), ROUNDS);
}
END_TEST

static Suite *barrier_suite(void) {
    Suite *s = suite_create("barrier");
    TCase *tc = rt_tcase("barrier", 10);
    tcase_add_test(tc, init_rejects_null_and_zero);
    tcase_add_test(tc, single_party_always_leads);
    tcase_add_test(tc, one_leader_per_round_and_no_early_pass);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(barrier_suite());
}
