/* Unit tests for once.h. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>

static atomic_int calls;
static fl_once once_for_threads = FL_ONCE_INIT;

static void count_call(void) {
    atomic_fetch_add(&calls, 1);
}

START_TEST(runs_exactly_once) {
    fl_once once = FL_ONCE_INIT;
    atomic_store(&calls, 0);
    fl_once_call(&once, count_call);
    fl_once_call(&once, count_call);
    fl_once_call(&once, count_call);
    ck_assert_int_eq(atomic_load(&calls), 1);
}
END_TEST

START_TEST(separate_onces_run_separately) {
    fl_once a = FL_ONCE_INIT, b = FL_ONCE_INIT;
    atomic_store(&calls, 0);
    fl_once_call(&a, count_call);
    fl_once_call(&b, count_call);
    fl_once_call(&a, count_call);
    ck_assert_int_eq(atomic_load(&calls), 2);
}
END_TEST

static void slow_call(void) {
    fl_sleep_ms(20);
    count_call();
}

/* Every caller returns only after the function has completed. */
static void *call_and_observe(void *arg) {
    (void)arg;
    fl_once_call(&once_for_threads, slow_call);
    return (void *)(intptr_t)atomic_load(&calls);
}

START_TEST(concurrent_callers_wait_for_completion) {
    enum { N = 4 };
    atomic_store(&calls, 0);
    fl_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = rt_spawn(call_and_observe, NULL);
    for (int i = 0; i < N; i++)
        ck_assert_ptr_eq(rt_join(t[i]), (void *)(intptr_t)1);
    ck_assert_int_eq(atomic_load(&calls), 1);
}
END_TEST

static Suite *once_suite(void) {
    Suite *s = suite_create("once");
    TCase *tc = rt_tcase("once", 10);
    tcase_add_test(tc, runs_exactly_once);
    tcase_add_test(tc, separate_onces_run_separately);
    tcase_add_test(tc, concurrent_callers_wait_for_completion);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(once_suite());
}
