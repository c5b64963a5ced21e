/* Unit tests for condvar.h. */
#include "rt_test.h"

#include <stdint.h>
#include <time.h>

static fl_mutex lock = FL_MUTEX_INIT;
static fl_condvar changed = FL_CONDVAR_INIT;
static int ready GUARDED_BY(lock);
static int woken GUARDED_BY(lock);

static uint64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void reset(void) {
    fl_mutex_lock(&lock);
    ready = 0;
    woken = 0;
    fl_mutex_unlock(&lock);
}

START_TEST(init_rejects_null) {
    ck_assert_int_eq(fl_condvar_init(NULL), FL_INVAL);
    fl_condvar c;
    ck_assert_int_eq(fl_condvar_init(&c), FL_OK);
    /* Signalling with no waiter is a no-op. */
    fl_condvar_signal(&c);
    fl_condvar_broadcast(&c);
}
END_TEST

/* The timeout is a lower bound; the mutex is held again when the wait returns. */
START_TEST(wait_timeout_times_out_holding_the_mutex) {
    fl_mutex_lock(&lock);
    uint64_t start = now_ms();
    fl_status status = fl_condvar_wait_timeout(&changed, &lock, 20);
    uint64_t waited = now_ms() - start;
    ck_assert_int_eq(status, FL_TIMEOUT);
    ck_assert_uint_ge(waited, 19);
    ck_assert(!fl_mutex_trylock(&lock));
    fl_mutex_unlock(&lock);
}
END_TEST

static void *wait_until_ready(void *arg) {
    unsigned timeout_ms = (unsigned)(uintptr_t)arg;
    fl_status status = FL_OK;
    fl_mutex_lock(&lock);
    while (!ready && status == FL_OK) {
        if (timeout_ms == 0)
            fl_condvar_wait(&changed, &lock);
        else
            status = fl_condvar_wait_timeout(&changed, &lock, timeout_ms);
    }
    woken++;
    fl_mutex_unlock(&lock);
    return (void *)(uintptr_t)status;
}

static void set_ready_and(void (*wake)(fl_condvar *)) {
    fl_mutex_lock(&lock);
    ready = 1;
    fl_mutex_unlock(&lock);
    wake(&changed);
}

START_TEST(signal_wakes_a_waiter) {
    reset();
    fl_thread *t = rt_spawn(wait_until_ready, (void *)(uintptr_t)0);
    fl_sleep_ms(10);
    set_ready_and(fl_condvar_signal);
    ck_assert_ptr_eq(rt_join(t), (void *)(uintptr_t)FL_OK);
    fl_mutex_lock(&lock);
    ck_assert_int_eq(woken, 1);
    fl_mutex_unlock(&lock);
}
END_TEST

START_TEST(broadcast_wakes_all_waiters) {
    enum { N = 5 };
    reset();
    fl_thread *t[N];
    for (int i = 0; i < N; i++)
        t[i] = rt_spawn(wait_until_ready, (void *)(uintptr_t)0);
    fl_sleep_ms(10);
    set_ready_and(fl_condvar_broadcast);
    for (int i = 0; i < N; i++)
        ck_assert_ptr_eq(rt_join(t[i]), (void *)(uintptr_t)FL_OK);
    fl_mutex_lock(&lock);
    ck_assert_int_eq(woken, N);
    fl_mutex_unlock(&lock);
}
END_TEST

/* A timed wait that is signalled in time reports FL_OK, not FL_TIMEOUT. */
START_TEST(timed_wait_signalled_in_time) {
    reset();
    fl_thread *t = rt_spawn(wait_until_ready, (void *)(uintptr_t)60000);
    fl_sleep_ms(10);
    set_ready_and(fl_condvar_broadcast);
    ck_assert_ptr_eq(rt_join(t), (void *)(uintptr_t)FL_OK);
}
END_TEST

static Suite *condvar_suite(void) {
    Suite *s = suite_create("condvar");
    TCase *tc = rt_tcase("condvar", 20);
    tcase_add_test(tc, init_rejects_null);
    tcase_add_test(tc, wait_timeout_times_out_holding_the_mutex);
    tcase_add_test(tc, signal_wakes_a_waiter);
    tcase_add_test(tc, broadcast_wakes_all_waiters);
    tcase_add_test(tc, timed_wait_signalled_in_time);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(condvar_suite());
}
