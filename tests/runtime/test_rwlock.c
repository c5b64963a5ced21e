/* Unit tests for rwlock.h: shared readers, exclusive writers. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>

static fl_rwlock lock = FL_RWLOCK_INIT;

/* Bit 0: a try-read succeeded; bit 1: a try-write succeeded (each released at once). */
static void *probe_lock(void *arg) {
    (void)arg;
    uintptr_t result = 0;
    if (fl_rwlock_try_read_lock(&lock)) {
        result |= 1;
        fl_rwlock_read_unlock(&lock);
    }
    if (fl_rwlock_try_write_lock(&lock)) {
        result |= 2;
        fl_rwlock_write_unlock(&lock);
    }
    return (void *)result;
}

static uintptr_t probe_from_other_thread(void) {
    return (uintptr_t)rt_join(rt_spawn(probe_lock, NULL));
}

START_TEST(init_rejects_null) {
    ck_assert_int_eq(fl_rwlock_init(NULL), FL_INVAL);
}
END_TEST

START_TEST(init_then_lock_both_ways) {
    fl_rwlock l;
    ck_assert_int_eq(fl_rwlock_init(&l), FL_OK);
    fl_rwlock_read_lock(&l);
    fl_rwlock_read_lock(&l);
    fl_rwlock_read_unlock(&l);
    fl_rwlock_read_unlock(&l);
    fl_rwlock_write_lock(&l);
    fl_rwlock_write_unlock(&l);
    ck_assert(fl_rwlock_try_write_lock(&l));
    fl_rwlock_write_unlock(&l);
}
END_TEST

START_TEST(free_lock_admits_everyone) {
    ck_assert_uint_eq(probe_from_other_thread(), 3);
}
END_TEST

START_TEST(readers_share_writers_wait) {
    fl_rwlock_read_lock(&lock);
    ck_assert_uint_eq(probe_from_other_thread(), 1);
    fl_rwlock_read_unlock(&lock);
    ck_assert_uint_eq(probe_from_other_thread(), 3);
}
END_TEST

START_TEST(writer_excludes_everyone) {
    fl_rwlock_write_lock(&lock);
    ck_assert_uint_eq(probe_from_other_thread(), 0);
    fl_rwlock_write_unlock(&lock);
    ck_assert_uint_eq(probe_from_other_thread(), 3);
}
END_TEST

START_TEST(try_locks_in_same_thread) {
    ck_assert(fl_rwlock_try_read_lock(&lock));
    ck_assert(!fl_rwlock_try_write_lock(&lock));
    fl_rwlock_read_unlock(&lock);
    ck_assert(fl_rwlock_try_write_lock(&lock));
    ck_assert(!fl_rwlock_try_read_lock(&lock));
    fl_rwlock_write_unlock(&lock);
}
END_TEST

static atomic_int writer_done;

/* Re-acquires at once after each release, so two of these keep the lock read-held. */
static void *read_until_writer_done(void *arg) {
    (void)arg;
    while (!atomic_load(&writer_done)) {
        fl_rwlock_read_lock(&lock);
        fl_sleep_ms(1);
        fl_rwlock_read_unlock(&lock);
    }
    return NULL;
}

/* Liveness: overlapping readers must not starve a writer (the lock prefers writers). */
START_TEST(writer_gets_in_between_overlapping_readers) {
    atomic_store(&writer_done, 0);
    fl_thread *readers[2];
    for (int i = 0; i < 2; i++)
        readers[i] = rt_spawn(read_until_writer_done, NULL);
    fl_sleep_ms(5);
    fl_rwlock_write_lock(&lock);
    atomic_store(&writer_done, 1);
    fl_rwlock_write_unlock(&lock);
    for (int i = 0; i < 2; i++)
        rt_join(readers[i]);
    ck_assert_uint_eq(probe_from_other_thread(), 3);
}
END_TEST

static Suite *rwlock_suite(void) {
    Suite *s = suite_create("rwlock");
    TCase *tc = rt_tcase("rwlock", 10);
    tcase_add_test(tc, init_rejects_null);
    tcase_add_test(tc, init_then_lock_both_ways);
    tcase_add_test(tc, free_lock_admits_everyone);
    tcase_add_test(tc, readers_share_writers_wait);
    tcase_add_test(tc, writer_excludes_everyone);
    tcase_add_test(tc, try_locks_in_same_thread);
    tcase_add_test(tc, writer_gets_in_between_overlapping_readers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(rwlock_suite());
}
