/* Unit tests for mutex.h: plain and typed mutex. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>

static fl_mutex shared_lock = FL_MUTEX_INIT;
static atomic_int acquired;

START_TEST(init_rejects_null) {
    ck_assert_int_eq(fl_mutex_init(NULL), FL_INVAL);
    int data = 0;
    ck_assert_int_eq(fl_mutex_of_init(NULL, &data), FL_INVAL);
}
END_TEST

START_TEST(lock_unlock_and_trylock) {
    fl_mutex m;
    ck_assert_int_eq(fl_mutex_init(&m), FL_OK);
    fl_mutex_lock(&m);
    fl_mutex_unlock(&m);
    ck_assert(fl_mutex_trylock(&m));
    fl_mutex_unlock(&m);
    fl_mutex_destroy(&m);
}
END_TEST

START_TEST(static_initializer_works) {
    static fl_mutex m = FL_MUTEX_INIT;
    ck_assert(fl_mutex_trylock(&m));
    fl_mutex_unlock(&m);
    fl_mutex_lock(&m);
    fl_mutex_unlock(&m);
}
END_TEST

static void *try_shared_lock(void *arg) {
    (void)arg;
    bool got = fl_mutex_trylock(&shared_lock);
    if (got)
        fl_mutex_unlock(&shared_lock);
    return (void *)(uintptr_t)got;
}

START_TEST(trylock_fails_while_another_thread_holds) {
    fl_mutex_lock(&shared_lock);
    ck_assert_ptr_eq(rt_join(rt_spawn(try_shared_lock, NULL)), (void *)(uintptr_t) false);
    fl_mutex_unlock(&shared_lock);
    ck_assert_ptr_eq(rt_join(rt_spawn(try_shared_lock, NULL)), (void *)(uintptr_t) true);
}
END_TEST

static void *lock_shared_lock(void *arg) {
    (void)arg;
    fl_mutex_lock(&shared_lock);
    atomic_store(&acquired, 1);
    fl_mutex_unlock(&shared_lock);
    return NULL;
}

/* Exclusion, not timing: while main holds the lock the thread must not get it. */
START_TEST(lock_blocks_until_unlock) {
    atomic_store(&acquired, 0);
    fl_mutex_lock(&shared_lock);
    fl_thread *t = rt_spawn(lock_shared_lock, NULL);
    fl_sleep_ms(20);
    ck_assert_int_eq(atomic_load(&acquired), 0);
    fl_mutex_unlock(&shared_lock);
    rt_join(t);
    ck_assert_int_eq(atomic_load(&acquired), 1);
}
END_TEST

START_TEST(typed_mutex_returns_its_data) {
    int value = 5;
    fl_mutex_of m;
    ck_assert_int_eq(fl_mutex_of_init(&m, &value), FL_OK);
    int *guard = fl_mutex_of_lock(&m);
    ck_assert_ptr_eq(guard, &value);
    *guard = 6;
    /* Held: nobody else may take the inner lock. */
    ck_assert(!fl_mutex_trylock(&m.lock));
    fl_mutex_of_unlock(&m);
    ck_assert(fl_mutex_trylock(&m.lock));
    fl_mutex_unlock(&m.lock);
    ck_assert_int_eq(value, 6);
}
END_TEST

static Suite *mutex_suite(void) {
    Suite *s = suite_create("mutex");
    TCase *tc = rt_tcase("mutex", 10);
    tcase_add_test(tc, init_rejects_null);
    tcase_add_test(tc, lock_unlock_and_trylock);
    tcase_add_test(tc, static_initializer_works);
    tcase_add_test(tc, trylock_fails_while_another_thread_holds);
    tcase_add_test(tc, lock_blocks_until_unlock);
    tcase_add_test(tc, typed_mutex_returns_its_data);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(mutex_suite());
}
