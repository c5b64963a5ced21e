/* FL_NOMEM: every allocating call fails cleanly when memory runs out, leaving its
 * arguments with the caller and the objects it was given usable.
 *
 * The test and the runtime are linked with -Wl,--wrap for the allocation functions, so
 * only their own calls go through the failing allocator below; libc and Check are left
 * alone. Failure is armed per thread: "the n-th allocation from now, and all later ones,
 * return NULL" — so error paths that allocate again are caught too. Check itself is linked
 * statically and allocates in every assertion, so no ck_assert runs while armed. */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *ptr, size_t size);
void *__real_aligned_alloc(size_t align, size_t size);
int __real_posix_memalign(void **out, size_t align, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *ptr, size_t size);
void *__wrap_aligned_alloc(size_t align, size_t size);
int __wrap_posix_memalign(void **out, size_t align, size_t size);

static _Thread_local long allocations_until_failure = -1; /* -1: disarmed */

static bool allocation_fails(void) {
    if (allocations_until_failure < 0)
        return false;
    if (allocations_until_failure == 0)
        return true;
    allocations_until_failure--;
    return false;
}

void *__wrap_malloc(size_t size) {
    return allocation_fails() ? NULL : __real_malloc(size);
}
void *__wrap_calloc(size_t count, size_t size) {
    return allocation_fails() ? NULL : __real_calloc(count, size);
}
void *__wrap_realloc(void *ptr, size_t size) {
    return allocation_fails() ? NULL : __real_realloc(ptr, size);
}
void *__wrap_aligned_alloc(size_t align, size_t size) {
    return allocation_fails() ? NULL : __real_aligned_alloc(align, size);
}
int __wrap_posix_memalign(void **out, size_t align, size_t size) {
    return allocation_fails() ? 12 /* ENOMEM */ : __real_posix_memalign(out, align, size);
}

static void fail_from(long nth) {
    allocations_until_failure = nth;
}

static void stop_failing(void) {
    allocations_until_failure = -1;
}

enum { MAX_ALLOCATIONS = 64, UNBOUNDED = -1 };

static fl_status open_channel(int cap, fl_sender **tx, fl_receiver **rx) {
    return cap == UNBOUNDED ? fl_channel(tx, rx, sizeof(int))
                            : fl_sync_channel(tx, rx, sizeof(int), (size_t)cap);
}

/* Creation must fail with FL_NOMEM at every allocation it makes, then succeed. */
START_TEST(channel_creation_fails_cleanly) {
    const int caps[] = {UNBOUNDED, 0, 1, 16};
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
        long n = 0;
        for (;; n++) {
            ck_assert_int_lt(n, MAX_ALLOCATIONS);
            fl_sender *tx = NULL;
            fl_receiver *rx = NULL;
            fail_from(n);
            fl_status status = open_channel(caps[c], &tx, &rx);
            stop_failing();
            if (status == FL_OK) {
                int v = 3;
                ck_assert_int_eq(fl_try_send(tx, &v), caps[c] == 0 ? FL_FULL : FL_OK);
                fl_sender_drop(tx);
                fl_receiver_drop(rx);
                break;
            }
            ck_assert_int_eq(status, FL_NOMEM);
        }
        ck_assert_int_gt(n, 0); /* a channel cannot exist without allocating */
    }
}
END_TEST

START_TEST(sender_clone_fails_cleanly) {
    fl_sender *tx;
    fl_receiver *rx;
    ck_assert_int_eq(fl_channel(&tx, &rx, sizeof(int)), FL_OK);
    for (long n = 0;; n++) {
        ck_assert_int_lt(n, MAX_ALLOCATIONS);
        fl_sender *clone = NULL;
        fail_from(n);
        fl_status status = fl_sender_clone(tx, &clone);
        stop_failing();
        if (status == FL_OK) {
            fl_sender_drop(clone);
            break;
        }
        ck_assert_int_eq(status, FL_NOMEM);
    }
    /* Failed clones must not count as senders: dropping tx disconnects. */
    fl_sender_drop(tx);
    int v;
    ck_assert_int_eq(fl_try_recv(rx, &v), FL_DISCONNECTED);
    fl_receiver_drop(rx);
}
END_TEST

typedef fl_status (*send_fn)(fl_sender *tx, void *value);

/* The unbounded list must eventually allocate a block; that send fails, keeps the
 * value, and a retry after memory returns delivers everything in order. */
static void check_unbounded_send_out_of_memory(send_fn send) {
    fl_sender *tx;
    fl_receiver *rx;
    ck_assert_int_eq(fl_channel(&tx, &rx, sizeof(int)), FL_OK);
    int sent = 0, refused_value = -1;
    fl_status status = FL_OK;
    fail_from(0);
    for (; sent < 100000; sent++) {
        int value = sent;
        status = send(tx, &value);
        if (status != FL_OK) {
            refused_value = value;
            break;
        }
    }
    stop_failing();
    ck_assert_int_eq(status, FL_NOMEM);
    ck_assert_int_eq(refused_value, sent); /* the refused value stayed with us */
    for (int i = 0; i < 3; i++, sent++) {
        int value = sent;
        ck_assert_int_eq(send(tx, &value), FL_OK);
    }
    fl_sender_drop(tx);
    int got, expected = 0;
    while ((status = fl_recv(rx, &got)) == FL_OK)
        ck_assert_int_eq(got, expected++);
    ck_assert_int_eq(status, FL_DISCONNECTED);
    ck_assert_int_eq(expected, sent);
    fl_receiver_drop(rx);
}

START_TEST(unbounded_send_fails_cleanly) {
    check_unbounded_send_out_of_memory(fl_send);
}
END_TEST

START_TEST(unbounded_try_send_fails_cleanly) {
    check_unbounded_send_out_of_memory(fl_try_send);
}
END_TEST

/* Bounded channels allocate nothing per message. */
START_TEST(bounded_messages_need_no_memory) {
    fl_sender *tx;
    fl_receiver *rx;
    ck_assert_int_eq(fl_sync_channel(&tx, &rx, sizeof(int), 4), FL_OK);
    int mismatches = 0;
    fl_status status = FL_OK;
    fail_from(0);
    for (int i = 0; i < 1000 && status == FL_OK; i++) {
        int got = -1;
        status = fl_send(tx, &i);
        if (status == FL_OK)
            status = fl_try_recv(rx, &got);
        mismatches += got != i;
    }
    stop_failing();
    ck_assert_int_eq(status, FL_OK);
    ck_assert_int_eq(mismatches, 0);
    fl_sender_drop(tx);
    fl_receiver_drop(rx);
}
END_TEST

static atomic_int ran;

static void *note_run(void *arg) {
    atomic_fetch_add(&ran, 1);
    return arg;
}

START_TEST(spawn_fails_cleanly) {
    atomic_store(&ran, 0);
    int token = 0;
    long n = 0;
    for (;; n++) {
        ck_assert_int_lt(n, MAX_ALLOCATIONS);
        fl_thread *t = NULL;
        fail_from(n);
        fl_status status = fl_spawn(&t, note_run, &token);
        stop_failing();
        if (status == FL_OK) {
            ck_assert_ptr_eq(rt_join(t), &token);
            break;
        }
        ck_assert_int_eq(status, FL_NOMEM);
        ck_assert_int_eq(atomic_load(&ran), 0); /* a failed spawn runs nothing */
    }
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(atomic_load(&ran), 1);
}
END_TEST

START_TEST(scope_spawn_fails_cleanly) {
    atomic_store(&ran, 0);
    fl_scope scope;
    ck_assert_int_eq(fl_scope_begin(&scope), FL_OK);
    for (long n = 0;; n++) {
        ck_assert_int_lt(n, MAX_ALLOCATIONS);
        fail_from(n);
        fl_status status = fl_scope_spawn(&scope, note_run, NULL);
        stop_failing();
        if (status == FL_OK)
            break;
        ck_assert_int_eq(status, FL_NOMEM);
    }
    ck_assert_int_eq(fl_scope_end(&scope), FL_OK);
    ck_assert_int_eq(atomic_load(&ran), 1); /* only the successful spawn ran */
}
END_TEST

START_TEST(arc_and_rc_new_return_null) {
    fail_from(0);
    fl_arc *a = fl_arc_new(32, NULL);
    fl_rc *r = fl_rc_new(32, NULL);
    stop_failing();
    ck_assert_ptr_null(a);
    ck_assert_ptr_null(r);
    a = fl_arc_new(32, NULL);
    r = fl_rc_new(32, NULL);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(r);
    fl_arc_drop(a);
    fl_rc_drop(r);
}
END_TEST

static Suite *nomem_suite(void) {
    Suite *s = suite_create("nomem");
    TCase *tc = rt_tcase("nomem", 20);
    tcase_add_test(tc, channel_creation_fails_cleanly);
    tcase_add_test(tc, sender_clone_fails_cleanly);
    tcase_add_test(tc, unbounded_send_fails_cleanly);
    tcase_add_test(tc, unbounded_try_send_fails_cleanly);
    tcase_add_test(tc, bounded_messages_need_no_memory);
    tcase_add_test(tc, spawn_fails_cleanly);
    tcase_add_test(tc, scope_spawn_fails_cleanly);
    tcase_add_test(tc, arc_and_rc_new_return_null);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return rt_run_suite(nomem_suite());
}
