/* test_bench.c: the bench smoke test (ctest label `bench`). Runs every workload of both C
 * channel implementations with a tiny message count and checks what arrived, runs both
 * mutex workloads, and checks the allocation probe: no allocation per message on
 * fearless's bounded and rendezvous channels, one per block (not per message) on its
 * unbounded channel, one per message on the mutexq baseline. */
#include <check.h>
#include <stdlib.h>

#include "bench.h"
#include "malloc_count.h"

#define SMOKE_MESSAGES 4002u /* not a multiple of BENCH_THREADS: the remainder is dropped */
#define PROBE_MESSAGES 20000u
#define ALLOC_SLACK 4u /* one-time lazy setup a runtime may do inside the probe window */

static const char *const impl_names[] = {"fearless", "mutexq"};

static void run_all_workloads(const bench_impl *impl) {
    for (int f = 0; f < FLAVOR_COUNT; f++) {
        for (int k = 0; k < KIND_COUNT; k++) {
            if (!impl->supports((bench_flavor)f, (bench_kind)k))
                continue;
            bench_result res = {0};
            ck_assert_msg(impl->run((bench_flavor)f, (bench_kind)k, SMOKE_MESSAGES, &res),
                          "%s %s-%s: no channel", impl->name, bench_flavor_name(f),
                          bench_kind_name(k));
            ck_assert_uint_eq(res.received, bench_expected_count(k, SMOKE_MESSAGES));
            ck_assert_uint_eq(res.sum, bench_expected_sum(k, SMOKE_MESSAGES));
            ck_assert(res.seconds > 0);
        }
    }
}

START_TEST(every_workload_delivers_every_message) {
    const bench_impl *impl = bench_impl_find(impl_names[_i]);
    ck_assert_ptr_nonnull(impl);
    run_all_workloads(impl);
}
END_TEST

START_TEST(support_matrix_matches_the_apis) {
    ck_assert(bench_impl_find("fearless")->supports(FLAVOR_BOUNDED1, KIND_MPSC));
    ck_assert(!bench_impl_find("fearless")->supports(FLAVOR_UNBOUNDED, KIND_MPMC));
    ck_assert(bench_impl_find("mutexq")->supports(FLAVOR_RENDEZVOUS, KIND_MPMC));
    ck_assert(!bench_impl_find("mutexq")->supports(FLAVOR_RENDEZVOUS, KIND_SEQ));
    ck_assert(bench_impl_find("mutexq")->supports(FLAVOR_BOUNDEDN, KIND_SEQ));
    ck_assert_ptr_null(bench_impl_find("crossbeam"));
}
END_TEST

START_TEST(workload_names_round_trip) {
    bench_flavor f;
    bench_kind k;
    ck_assert(bench_parse_workload("boundedN-mpsc", &f, &k));
    ck_assert_int_eq(f, FLAVOR_BOUNDEDN);
    ck_assert_int_eq(k, KIND_MPSC);
    ck_assert(bench_parse_workload("rendezvous-spsc", &f, &k));
    ck_assert_str_eq(bench_flavor_name(f), "rendezvous");
    ck_assert(!bench_parse_workload("bounded2-mpsc", &f, &k));
    ck_assert(!bench_parse_workload("unbounded-", &f, &k));
    ck_assert(!bench_parse_workload("unbounded", &f, &k));
    ck_assert_int_eq(bench_capacity(FLAVOR_BOUNDEDN, 77), 77);
    ck_assert_uint_eq(bench_expected_sum(KIND_MPSC, 10), 4 * (2 * 1 / 2));
}
END_TEST

START_TEST(mutex_workloads_count_every_increment) {
    ck_assert(bench_mutex_run("fearless", 1, 10000) >= 0);
    ck_assert(bench_mutex_run("fearless", 2, 20000) >= 0);
    ck_assert(bench_mutex_run("pthread", 2, 20000) >= 0);
    ck_assert(bench_mutex_run("spinlock", 1, 10) < 0);
    ck_assert(bench_mutex_run("pthread", 3, 10) < 0);
}
END_TEST

static uint64_t probe(const char *impl, bench_flavor flavor) {
    uint64_t allocs = 0;
    ck_assert(bench_impl_find(impl)->alloc_probe(flavor, PROBE_MESSAGES, malloc_count_now,
                                                 &allocs));
    return allocs;
}

START_TEST(probe_counts_the_baselines_allocations) {
    ck_assert_uint_ge(probe("mutexq", FLAVOR_UNBOUNDED), PROBE_MESSAGES);
    ck_assert_uint_ge(probe("mutexq", FLAVOR_RENDEZVOUS), PROBE_MESSAGES);
}
END_TEST

START_TEST(fearless_bounded_channels_do_not_allocate_per_message) {
    static const bench_flavor flavors[] = {FLAVOR_BOUNDED1, FLAVOR_BOUNDEDN, FLAVOR_RENDEZVOUS};
    uint64_t allocs = probe("fearless", flavors[_i]);
    ck_assert_msg(allocs <= ALLOC_SLACK, "%s: %llu allocations for %u messages",
                  bench_flavor_name(flavors[_i]), (unsigned long long)allocs, PROBE_MESSAGES);
}
END_TEST

START_TEST(fearless_unbounded_channel_allocates_blocks_not_messages) {
    uint64_t allocs = probe("fearless", FLAVOR_UNBOUNDED);
    ck_assert_msg(allocs <= PROBE_MESSAGES / 8, "%llu allocations for %u messages",
                  (unsigned long long)allocs, PROBE_MESSAGES);
}
END_TEST

static Suite *bench_suite(void) {
    Suite *s = suite_create("bench");
    TCase *tc = tcase_create("smoke");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, every_workload_delivers_every_message, 0, 2);
    tcase_add_test(tc, support_matrix_matches_the_apis);
    tcase_add_test(tc, workload_names_round_trip);
    tcase_add_test(tc, mutex_workloads_count_every_increment);
    tcase_add_test(tc, probe_counts_the_baselines_allocations);
    tcase_add_loop_test(tc, fearless_bounded_channels_do_not_allocate_per_message, 0, 3);
    tcase_add_test(tc, fearless_unbounded_channel_allocates_blocks_not_messages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *runner = srunner_create(bench_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
