/* Unit tests for status.h. */
#include "rt_test.h"

START_TEST(every_status_has_its_name) {
    ck_assert_str_eq(fl_status_str(FL_OK), "FL_OK");
    ck_assert_str_eq(fl_status_str(FL_DISCONNECTED), "FL_DISCONNECTED");
    ck_assert_str_eq(fl_status_str(FL_EMPTY), "FL_EMPTY");
    ck_assert_str_eq(fl_status_str(FL_FULL), "FL_FULL");
    ck_assert_str_eq(fl_status_str(FL_TIMEOUT), "FL_TIMEOUT");
    ck_assert_str_eq(fl_status_str(FL_NOMEM), "FL_NOMEM");
    ck_assert_str_eq(fl_status_str(FL_INVAL), "FL_INVAL");
}
END_TEST

START_TEST(unknown_status_is_marked) {
    ck_assert_str_eq(fl_status_str((fl_status)(FL_INVAL + 1)), "FL_?");
    ck_assert_str_eq(fl_status_str((fl_status)-1), "FL_?");
    ck_assert_str_eq(fl_status_str((fl_status)1000), "FL_?");
}
END_TEST

START_TEST(ok_is_zero) {
    ck_assert_int_eq(FL_OK, 0);
}
END_TEST

static Suite *status_suite(void) {
    Suite *s = suite_create("status");
    TCase *tc = rt_tcase("status", 10);
    tcase_add_test(tc, every_status_has_its_name);
    tcase_add_test(tc, unknown_status_is_marked);
    tcase_add_test(tc, ok_is_zero);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(status_suite());
}
