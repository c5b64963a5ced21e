/* pipeline_analyze: statuses, clang errors as clang-diagnostic-error, unsaved buffers,
 * working directories, inclusions, check selection, --dump-ir, and two threads at once. */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag/sink.h"
#include "pipeline.h"

static const char *const no_arguments[] = {"-std=gnu11"};

static enum pipeline_status analyze(const char *file, const char *directory, const char *text,
                                    const struct pipeline_options *options, struct diag_sink *sink)
{
    struct tu_input input = {file, directory, 1, no_arguments, text, text ? strlen(text) : 0};
    return pipeline_analyze(&input, options, sink);
}

START_TEST(missing_file_fails_with_a_message)
{
    struct diag_sink *sink = diag_sink_new(NULL);
    ck_assert_int_eq(analyze("/nonexistent/nope.c", NULL, NULL, NULL, sink), PIPELINE_FAILED);
    ck_assert_uint_eq(diag_sink_count(sink), 1);
    const struct diagnostic *diag = diag_sink_at(sink, 0);
    ck_assert_str_eq(diag->check, "clang-diagnostic-error");
    ck_assert_int_eq(diag->severity, SEVERITY_ERROR);
    ck_assert_ptr_nonnull(strstr(diag->message, "nope.c"));
    diag_sink_free(sink);
}
END_TEST

START_TEST(compile_errors_are_reported_with_locations)
{
    struct diag_sink *sink = diag_sink_new(NULL);
    const char *text = "int f(void) {\n  return undefined_name;\n}\nint g(void) { return 1 }\n";
    ck_assert_int_eq(analyze("broken.c", NULL, text, NULL, sink), PIPELINE_COMPILE_ERRORS);
    ck_assert_uint_eq(diag_sink_count(sink), 2);
    diag_sink_finish(sink);
    const struct diagnostic *first = diag_sink_at(sink, 0);
    ck_assert_str_eq(first->check, "clang-diagnostic-error");
    ck_assert_uint_eq(first->range.begin.line, 2);
    ck_assert_uint_eq(first->range.begin.column, 10);
    ck_assert_ptr_nonnull(strstr(first->message, "undefined_name"));
    ck_assert_uint_eq(diag_sink_at(sink, 1)->range.begin.line, 4);
    diag_sink_free(sink);
}
END_TEST

START_TEST(functions_without_errors_are_still_checked)
{
    struct diag_sink *sink = diag_sink_new(NULL);
    const char *text = "#include <stdlib.h>\n"
                       "int broken(void) { return undefined_name; }\n"
                       "int uaf(int *p) { free(p); return *p; }\n"
                       "int broken_uaf(int *p) { free(p); return *p + undefined_too; }\n";
    ck_assert_int_eq(analyze("partial.c", NULL, text, NULL, sink), PIPELINE_COMPILE_ERRORS);
    unsigned clang_errors = 0, findings = 0;
    for (unsigned i = 0; i < diag_sink_count(sink); i++) {
        const struct diagnostic *diag = diag_sink_at(sink, i);
        if (strcmp(diag->check, "clang-diagnostic-error") == 0) {
            clang_errors++;
        } else {
            findings++;
            ck_assert_uint_eq(diag->range.begin.line, 3); /* uaf, not broken_uaf */
        }
    }
    ck_assert_uint_eq(clang_errors, 2);
    ck_assert_uint_ge(findings, 1);
    diag_sink_free(sink);
}
END_TEST

START_TEST(malformed_annotations_are_bad_input)
{
    struct diag_sink *sink = diag_sink_new(NULL);
    const char *text = "int counter __attribute__((annotate(\"fearless:guarded_by\")));\n"
                       "int f(void) { return counter; }\n";
    ck_assert_int_eq(analyze("annotated.c", NULL, text, NULL, sink), PIPELINE_BAD_ANNOTATIONS);
    diag_sink_free(sink);
    sink = diag_sink_new(NULL);
    ck_assert_int_eq(analyze("fine.c", NULL, "int counter;\n", NULL, sink), PIPELINE_ANALYZED);
    diag_sink_free(sink);
}
END_TEST

struct seen_names {
    unsigned checks, inclusions;
    bool saw_header;
};

static bool no_check(const char *name, void *data)
{
    struct seen_names *seen = data;
    ck_assert_ptr_nonnull(name);
    ck_assert(strncmp(name, "fearless-", 9) != 0); /* plain names */
    seen->checks++;
    return false;
}

static void on_inclusion(const char *file, void *data)
{
    struct seen_names *seen = data;
    seen->inclusions++;
    if (strstr(file, "engine_relative.h"))
        seen->saw_header = true;
}

START_TEST(relative_file_in_directory_with_inclusions)
{
    struct diag_sink *sink = diag_sink_new(NULL);
    struct seen_names seen = {0, 0, false};
    struct pipeline_options options = {.check_enabled = no_check, .check_enabled_data = &seen,
                                       .on_inclusion = on_inclusion, .inclusion_data = &seen};
    ck_assert_int_eq(analyze("engine_relative.c", TEST_DATA_DIR, NULL, &options, sink),
                     PIPELINE_ANALYZED);
    ck_assert_uint_eq(diag_sink_count(sink), 0);
    ck_assert(seen.saw_header);
    ck_assert_uint_ge(seen.inclusions, 2); /* the file and its header */
    diag_sink_free(sink);
}
END_TEST

START_TEST(disabled_checks_report_nothing)
{
    /* A use after free: reported by use-after-move when enabled, silent when not. */
    const char *text = "#include <stdlib.h>\nint f(int *p) { free(p); return *p; }\n";
    struct seen_names seen = {0, 0, false};
    struct pipeline_options off = {.check_enabled = no_check, .check_enabled_data = &seen};
    struct diag_sink *sink = diag_sink_new(NULL);
    ck_assert_int_eq(analyze("uaf.c", NULL, text, &off, sink), PIPELINE_ANALYZED);
    ck_assert_uint_eq(diag_sink_count(sink), 0);
    ck_assert_uint_gt(seen.checks, 0);
    diag_sink_free(sink);
    sink = diag_sink_new(NULL);
    ck_assert_int_eq(analyze("uaf.c", NULL, text, NULL, sink), PIPELINE_ANALYZED);
    ck_assert_uint_ge(diag_sink_count(sink), 1);
    diag_sink_free(sink);
}
END_TEST

START_TEST(dump_ir_prints_every_function)
{
    char path[] = "/tmp/fearless-dump-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    dup2(fd, STDERR_FILENO);
    struct diag_sink *sink = diag_sink_new(NULL);
    struct pipeline_options options = {.dump_ir = true};
    enum pipeline_status status =
        analyze("dump.c", NULL, "int one(void) { return 1; }\nint two(void) { return one(); }\n",
                &options, sink);
    fflush(stderr);
    dup2(saved, STDERR_FILENO);
    close(saved);
    ck_assert_int_eq(status, PIPELINE_ANALYZED);
    char text[4096] = "";
    lseek(fd, 0, SEEK_SET);
    ssize_t length = read(fd, text, sizeof text - 1);
    close(fd);
    unlink(path);
    ck_assert_int_gt(length, 0);
    ck_assert_ptr_nonnull(strstr(text, "function one"));
    ck_assert_ptr_nonnull(strstr(text, "function two"));
    ck_assert_ptr_nonnull(strstr(text, "call one()"));
    ck_assert_ptr_nonnull(strstr(text, "  contract ("));
    diag_sink_free(sink);
}
END_TEST

struct job {
    const char *text;
    enum pipeline_status status;
    unsigned count;
};

static void *run_job(void *data)
{
    struct job *job = data;
    struct diag_sink *sink = diag_sink_new(NULL);
    job->status = analyze("threaded.c", NULL, job->text, NULL, sink);
    job->count = diag_sink_count(sink);
    diag_sink_free(sink);
    return NULL;
}

START_TEST(two_threads_at_once)
{
    const char *text = "#include <stdlib.h>\n#include <pthread.h>\n"
                       "int f(int *p) { free(p); return *p; }\n"
                       "int g(pthread_mutex_t *m) { pthread_mutex_lock(m); return 0; }\n";
    struct job jobs[2] = {{text, PIPELINE_FAILED, 0}, {text, PIPELINE_FAILED, 0}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, run_job, &jobs[i]), 0);
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
    ck_assert_int_eq(jobs[0].status, PIPELINE_ANALYZED);
    ck_assert_int_eq(jobs[1].status, PIPELINE_ANALYZED);
    ck_assert_uint_eq(jobs[0].count, jobs[1].count);
    ck_assert_uint_ge(jobs[0].count, 1);
}
END_TEST

START_TEST(werror_does_not_stop_analysis)
{
    static const char *const strict[] = {"-Wall", "-Werror"};
    struct tu_input input = {"warn.c", NULL, 2, strict,
                             "int f(void) { int unused; return 0; }\n", 38};
    struct diag_sink *sink = diag_sink_new(NULL);
    ck_assert_int_eq(pipeline_analyze(&input, NULL, sink), PIPELINE_ANALYZED);
    ck_assert_uint_eq(diag_sink_count(sink), 0);
    diag_sink_free(sink);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("pipeline");
    TCase *tc = tcase_create("pipeline");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, missing_file_fails_with_a_message);
    tcase_add_test(tc, compile_errors_are_reported_with_locations);
    tcase_add_test(tc, functions_without_errors_are_still_checked);
    tcase_add_test(tc, malformed_annotations_are_bad_input);
    tcase_add_test(tc, relative_file_in_directory_with_inclusions);
    tcase_add_test(tc, disabled_checks_report_nothing);
    tcase_add_test(tc, dump_ir_prints_every_function);
    tcase_add_test(tc, two_threads_at_once);
    tcase_add_test(tc, werror_does_not_stop_analysis);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
