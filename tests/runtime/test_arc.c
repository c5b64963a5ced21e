/* Unit tests for arc.h: atomically counted shared ownership. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    uint64_t words[4];
} payload;

static atomic_int drops;
static void *last_dropped;

static void count_drop(void *data) {
    last_dropped = data;
    atomic_fetch_add(&drops, 1);
}

static void reset(void) {
    atomic_store(&drops, 0);
    last_dropped = NULL;
}

START_TEST(new_is_zeroed_with_count_one) {
    reset();
    fl_arc *a = fl_arc_new(sizeof(payload), count_drop);
    ck_assert_ptr_nonnull(a);
    payload *p = fl_arc_get(a);
    payload zero;
    memset(&zero, 0, sizeof zero);
    ck_assert_mem_eq(p, &zero, sizeof zero);
    ck_assert_uint_eq(fl_arc_count(a), 1);
    fl_arc_drop(a);
    ck_assert_int_eq(atomic_load(&drops), 1);
    ck_assert_ptr_eq(last_dropped, p);
}
END_TEST

START_TEST(clones_share_data_and_last_drop_frees) {
    reset();
    fl_arc *a = fl_arc_new(sizeof(payload), count_drop);
    ck_assert_ptr_nonnull(a);
    fl_arc *b = fl_arc_clone(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_eq(fl_arc_get(b), fl_arc_get(a));
    ck_assert_uint_eq(fl_arc_count(a), 2);
    payload *p = fl_arc_get(a);
    p->words[3] = 99;
    fl_arc_drop(a);
    ck_assert_int_eq(atomic_load(&drops), 0);
    ck_assert_uint_eq(fl_arc_count(b), 1);
    ck_assert_uint_eq(((payload *)fl_arc_get(b))->words[3], 99);
    fl_arc_drop(b);
    ck_assert_int_eq(atomic_load(&drops), 1);
}
END_TEST

START_TEST(null_drop_function_is_allowed) {
    fl_arc *a = fl_arc_new(16, NULL);
    ck_assert_ptr_nonnull(a);
    fl_arc *b = fl_arc_clone(a);
    fl_arc_drop(a);
    fl_arc_drop(b);
}
END_TEST

static void *drop_clone(void *arg) {
    fl_arc_drop(arg);
    return NULL;
}

/* Clones moved into threads and dropped there: the drop runs once, after the last. */
START_TEST(clones_dropped_on_other_threads) {
    enum { N = 8 };
    reset();
    fl_arc *a = fl_arc_new(sizeof(payload), count_drop);
    ck_assert_ptr_nonnull(a);
    fl_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = rt_spawn(drop_clone, fl_arc_clone(a));
    for (int i = 0; i < N; i++)
        rt_join(t[i]);
    ck_assert_uint_eq(fl_arc_count(a), 1);
    ck_assert_int_eq(atomic_load(&drops), 0);
    fl_arc_drop(a);
    ck_assert_int_eq(atomic_load(&drops), 1);
}
END_TEST

static Suite *arc_suite(void) {
    Suite *s = suite_create("arc");
    TCase *tc = rt_tcase("arc", 10);
    tcase_add_test(tc, new_is_zeroed_with_count_one);
    tcase_add_test(tc, clones_share_data_and_last_drop_frees);
    tcase_add_test(tc, null_drop_function_is_allowed);
    tcase_add_test(tc, clones_dropped_on_other_threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(arc_suite());
}
