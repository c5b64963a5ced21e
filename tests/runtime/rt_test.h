/* Shared helpers for the runtime's Check tests (unit and stress). */
#ifndef FEARLESS_RT_TEST_H
#define FEARLESS_RT_TEST_H

#include <check.h>
#include <fearless/runtime.h>
#include <stdio.h>
#include <stdlib.h>

/* Stress size from the environment, so the sanitizer variants run the same code with
 * fewer iterations (TSan is ~10x slower). Bad values fall back to the default loudly. */
static inline size_t rt_env_count(const char *name, size_t fallback) {
    const char *text = getenv(name);
    if (text == NULL || *text == '\0')
        return fallback;
    char *end = NULL;
    unsigned long long value = strtoull(text, &end, 10);
    if (*end != '\0' || value == 0) {
        fprintf(stderr, "warning: ignoring %s='%s' (want a positive integer)\n", name, text);
        return fallback;
    }
    return (size_t)value;
}

/* Messages per producer in the stress tests (FL_STRESS_MSGS, default 1,000,000). */
static inline size_t rt_stress_msgs(void) {
    return rt_env_count("FL_STRESS_MSGS", 1000000);
}

/* Iterations for the other stress loops (FL_STRESS_ITERS, default 1,000,000). */
static inline size_t rt_stress_iters(void) {
    return rt_env_count("FL_STRESS_ITERS", 1000000);
}

/* Spawns or fails the current test. */
static inline fl_thread *rt_spawn(void *(*fn)(void *), void *arg) {
    fl_thread *handle = NULL;
    fl_status status = fl_spawn(&handle, fn, arg);
    ck_assert_msg(status == FL_OK, "fl_spawn: %s", fl_status_str(status));
    ck_assert_ptr_nonnull(handle);
    return handle;
}

/* Joins or fails the current test; returns the thread's value. */
static inline void *rt_join(fl_thread *handle) {
    void *ret = NULL;
    fl_status status = fl_join(handle, &ret);
    ck_assert_msg(status == FL_OK, "fl_join: %s", fl_status_str(status));
    return ret;
}

/* Runs one suite; the process exit status is the verdict ctest sees. A CK_RUN_CASE that
 * names no case would run nothing and "pass": that counts as a failure. */
static inline int rt_run_suite(Suite *suite) {
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int ran = srunner_ntests_run(runner);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    if (ran == 0)
        fprintf(stderr, "error: no test ran (CK_RUN_CASE/CK_RUN_SUITE match nothing?)\n");
    return ran > 0 && failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* A test case with a generous hang guard (not a speed assertion: only deadlocks hit it). */
static inline TCase *rt_tcase(const char *name, double hang_guard_seconds) {
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, hang_guard_seconds);
    return tc;
}

#endif
