/* Unit tests for rc.h: single-thread counted shared ownership. */
#include "rt_test.h"

#include <stdint.h>
#include <string.h>

static int drops;
static void *last_dropped;

static void count_drop(void *data) {
    last_dropped = data;
    drops++;
}

START_TEST(new_is_zeroed_with_count_one) {
    drops = 0;
    fl_rc *r = fl_rc_new(24, count_drop);
    ck_assert_ptr_nonnull(r);
    unsigned char zero[24] = {0};
    ck_assert_mem_eq(fl_rc_get(r), zero, sizeof zero);
    ck_assert_uint_eq(fl_rc_count(r), 1);
    void *data = fl_rc_get(r);
    fl_rc_drop(r);
    ck_assert_int_eq(drops, 1);
    ck_assert_ptr_eq(last_dropped, data);
}
END_TEST

START_TEST(clones_share_data_and_last_drop_frees) {
    drops = 0;
    fl_rc *a = fl_rc_new(sizeof(int), count_drop);
    ck_assert_ptr_nonnull(a);
    fl_rc *b = fl_rc_clone(a);
    fl_rc *c = fl_rc_clone(b);
    ck_assert_ptr_eq(fl_rc_get(c), fl_rc_get(a));
    ck_assert_uint_eq(fl_rc_count(a), 3);
    *(int *)fl_rc_get(a) = 17;
    fl_rc_drop(a);
    fl_rc_drop(c);
    ck_assert_int_eq(drops, 0);
    ck_assert_uint_eq(fl_rc_count(b), 1);
    ck_assert_int_eq(*(int *)fl_rc_get(b), 17);
    fl_rc_drop(b);
    ck_assert_int_eq(drops, 1);
}
END_TEST

START_TEST(null_drop_function_is_allowed) {
    fl_rc *r = fl_rc_new(8, NULL);
    ck_assert_ptr_nonnull(r);
    fl_rc_drop(fl_rc_clone(r));
    ck_assert_uint_eq(fl_rc_count(r), 1);
    fl_rc_drop(r);
}
END_TEST

static Suite *rc_suite(void) {
    Suite *s = suite_create("rc");
    TCase *tc = rt_tcase("rc", 10);
    tcase_add_test(tc, new_is_zeroed_with_count_one);
    tcase_add_test(tc, clones_share_data_and_last_drop_frees);
    tcase_add_test(tc, null_drop_function_is_allowed);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(rc_suite());
}
