/* Unit tests for thread.h: spawn/join/detach, sleep/yield, scoped threads. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

static uint64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void *double_it(void *arg) {
    return (void *)((uintptr_t)arg * 2);
}

static void *return_null(void *arg) {
    (void)arg;
    return NULL;
}

START_TEST(spawn_and_join_return_value) {
    fl_thread *t = rt_spawn(double_it, (void *)(uintptr_t)21);
    ck_assert_ptr_eq(rt_join(t), (void *)(uintptr_t)42);
}
END_TEST

START_TEST(join_accepts_null_ret) {
    fl_thread *t = rt_spawn(double_it, (void *)(uintptr_t)1);
    ck_assert_int_eq(fl_join(t, NULL), FL_OK);
}
END_TEST

START_TEST(null_arguments_are_invalid) {
    fl_thread *t = NULL;
    ck_assert_int_eq(fl_spawn(NULL, return_null, NULL), FL_INVAL);
    ck_assert_int_eq(fl_spawn(&t, NULL, NULL), FL_INVAL);
    ck_assert_int_eq(fl_join(NULL, NULL), FL_INVAL);
    void *ret = NULL;
    ck_assert_int_eq(fl_join(NULL, &ret), FL_INVAL);
    ck_assert_int_eq(fl_detach(NULL), FL_INVAL);
}
END_TEST

static void *report_on_channel(void *arg) {
    fl_sender *tx = arg;
    int done = 1;
    fl_send(tx, &done);
    fl_sender_drop(tx);
    return NULL;
}

/* A detached thread keeps running on its own: we hear from it without joining. */
START_TEST(detached_thread_runs_to_completion) {
    fl_sender *tx;
    fl_receiver *rx;
    ck_assert_int_eq(fl_channel(&tx, &rx, sizeof(int)), FL_OK);
    fl_thread *t = rt_spawn(report_on_channel, tx);
    ck_assert_int_eq(fl_detach(t), FL_OK);
    int done = 0;
    ck_assert_int_eq(fl_recv(rx, &done), FL_OK);
    ck_assert_int_eq(done, 1);
    /* The thread dropped its sender after sending: the channel disconnects. */
    ck_assert_int_eq(fl_recv(rx, &done), FL_DISCONNECTED);
    fl_receiver_drop(rx);
}
END_TEST

START_TEST(detach_after_thread_finished) {
    fl_thread *t = rt_spawn(return_null, NULL);
    fl_sleep_ms(5);
    ck_assert_int_eq(fl_detach(t), FL_OK);
}
END_TEST

START_TEST(join_after_thread_finished) {
    fl_thread *t = rt_spawn(double_it, (void *)(uintptr_t)5);
    fl_sleep_ms(5);
    ck_assert_ptr_eq(rt_join(t), (void *)(uintptr_t)10);
}
END_TEST

/* A lower bound only: a sleep may overshoot, never undershoot. */
START_TEST(sleep_waits_at_least_requested) {
    uint64_t start = now_ms();
    fl_sleep_ms(20);
    ck_assert_uint_ge(now_ms() - start, 19);
    fl_sleep_ms(0);
    fl_yield();
}
END_TEST

static void *mark_slot(void *arg) {
    atomic_int *slot = arg;
    atomic_fetch_add(slot, 1);
    return NULL;
}

START_TEST(scope_joins_every_thread) {
    enum { N = 16 };
    atomic_int slots[N];
    fl_scope scope;
    for (int i = 0; i < N; i++)
        atomic_init(&slots[i], 0);
    ck_assert_int_eq(fl_scope_begin(&scope), FL_OK);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(fl_scope_spawn(&scope, mark_slot, &slots[i]), FL_OK);
    ck_assert_int_eq(fl_scope_end(&scope), FL_OK);
    /* After the scope ends, every borrower has finished: all writes are visible. */
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(atomic_load(&slots[i]), 1);
}
END_TEST

START_TEST(empty_scope_ends_cleanly) {
    fl_scope scope;
    ck_assert_int_eq(fl_scope_begin(&scope), FL_OK);
    ck_assert_int_eq(fl_scope_end(&scope), FL_OK);
}
END_TEST

static void *slow_mark(void *arg) {
    fl_sleep_ms(10);
    return mark_slot(arg);
}

START_TEST(scope_end_waits_for_slow_threads) {
    atomic_int count;
    atomic_init(&count, 0);
    fl_scope scope;
    ck_assert_int_eq(fl_scope_begin(&scope), FL_OK);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(fl_scope_spawn(&scope, slow_mark, &count), FL_OK);
    ck_assert_int_eq(fl_scope_end(&scope), FL_OK);
    ck_assert_int_eq(atomic_load(&count), 3);
}
END_TEST

struct nested_spawn {
    fl_scope *scope;
    atomic_int count;
};

static void *count_nested(void *arg) {
    struct nested_spawn *n = arg;
    atomic_fetch_add(&n->count, 1);
    return NULL;
}

/* A scoped thread spawns more threads into its own scope; the end joins those too. */
static void *spawn_into_scope(void *arg) {
    struct nested_spawn *n = arg;
    fl_sleep_ms(5);
    for (int i = 0; i < 3; i++)
        if (fl_scope_spawn(n->scope, count_nested, n) != FL_OK)
            return (void *)1;
    return NULL;
}

START_TEST(scope_end_joins_threads_spawned_by_scoped_threads) {
    fl_scope scope;
    struct nested_spawn nested = {.scope = &scope};
    atomic_init(&nested.count, 0);
    ck_assert_int_eq(fl_scope_begin(&scope), FL_OK);
    ck_assert_int_eq(fl_scope_spawn(&scope, spawn_into_scope, &nested), FL_OK);
    ck_assert_int_eq(fl_scope_end(&scope), FL_OK);
    ck_assert_int_eq(atomic_load(&nested.count), 3);
}
END_TEST

START_TEST(scope_rejects_null) {
    fl_scope scope;
    atomic_int unused;
    atomic_init(&unused, 0);
    ck_assert_int_eq(fl_scope_begin(NULL), FL_INVAL);
    ck_assert_int_eq(fl_scope_spawn(NULL, mark_slot, &unused), FL_INVAL);
    ck_assert_int_eq(fl_scope_begin(&scope), FL_OK);
    ck_assert_int_eq(fl_scope_spawn(&scope, NULL, &unused), FL_INVAL);
    ck_assert_int_eq(fl_scope_end(&scope), FL_OK);
    ck_assert_int_eq(fl_scope_end(NULL), FL_INVAL);
    ck_assert_int_eq(atomic_load(&unused), 0);
}
END_TEST

static Suite *thread_suite(void) {
    Suite *s = suite_create("thread");
    TCase *spawn = rt_tcase("spawn_join", 10);
    tcase_add_test(spawn, spawn_and_join_return_value);
    tcase_add_test(spawn, join_accepts_null_ret);
    tcase_add_test(spawn, null_arguments_are_invalid);
    tcase_add_test(spawn, detached_thread_runs_to_completion);
    tcase_add_test(spawn, detach_after_thread_finished);
    tcase_add_test(spawn, join_after_thread_finished);
    tcase_add_test(spawn, sleep_waits_at_least_requested);
    suite_add_tcase(s, spawn);
    TCase *scope = rt_tcase("scope", 10);
    tcase_add_test(scope, scope_joins_every_thread);
    tcase_add_test(scope, empty_scope_ends_cleanly);
    tcase_add_test(scope, scope_end_waits_for_slow_threads);
    tcase_add_test(scope, scope_end_joins_threads_spawned_by_scoped_threads);
    tcase_add_test(scope, scope_rejects_null);
    suite_add_tcase(s, scope);
    return s;
}

int main(void) {
    return rt_run_suite(thread_suite());
}
