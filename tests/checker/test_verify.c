/* verify/: directive parsing (offsets, counts, files, no-diagnostics, malformed) and
 * matching with clang's verifier messages. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag/sink.h"
#include "verify/plan.h"
#include "verify/verify.h"

static struct verify_plan *plan_of(struct source_files *files, const char *text)
{
    source_files_set(files, "v.c", text, strlen(text));
    unsigned count;
    const struct source_line *lines = source_files_lines(files, "v.c", &count);
    return verify_parse("v.c", lines, count);
}

START_TEST(parses_offsets_counts_and_files)
{
    struct source_files *files = source_files_new();
    struct verify_plan *plan = plan_of(files,
        "x; // expected-error {{use of moved value 'val'}}\n"          /* 1 */
        "// expected-note@+1 {{value moved here}}\n"                   /* 2 */
        "y; /* expected-warning@-2 2 {{w}} expected-note@LINE-1 {{n}} */\n" /* 3 */
        "const char *s = \"// expected-error {{not a directive}}\";\n" /* 4 */
        "// expected-note@chan.h:12 {{in header}} expected-note@x.h:* {{any}}\n" /* 5 */
        "// expected-error@7 1+ {{at least one}}\n"                  /* 6 */
        "// expected-note@* 0+ {{anywhere}}\n");                      /* 7 */
    ck_assert_uint_eq(plan->problem_count, 0);
    ck_assert_uint_eq(plan->expectation_count, 8);
    ck_assert_str_eq(plan->expectations[7].file, "*");
    ck_assert(plan->expectations[7].line == 0 && plan->expectations[7].min == 0);
    struct expectation *e = plan->expectations;
    ck_assert(e[0].severity == SEVERITY_ERROR && e[0].line == 1 && e[0].min == 1 && e[0].max == 1);
    ck_assert_str_eq(e[0].text, "use of moved value 'val'");
    ck_assert(e[1].severity == SEVERITY_NOTE && e[1].line == 3 && e[1].directive_line == 2);
    ck_assert(e[2].severity == SEVERITY_WARNING && e[2].line == 1 && e[2].min == 2);
    ck_assert(e[3].line == 2);
    ck_assert_str_eq(e[4].file, "chan.h");
    ck_assert_uint_eq(e[4].line, 12);
    ck_assert_uint_eq(e[5].line, 0);
    ck_assert(e[6].line == 7 && e[6].min == 1 && e[6].max > 1000);
    verify_free(plan);
    source_files_free(files);
}
END_TEST

START_TEST(reports_malformed_directives)
{
    struct source_files *files = source_files_new();
    struct verify_plan *plan = plan_of(files,
        "// expected-error text without braces\n"
        "// expected-error {{never closed\n"
        "// expected-note@-5 {{before the start}}\n");
    ck_assert_uint_eq(plan->problem_count, 3);
    ck_assert_ptr_nonnull(strstr(plan->problems[0], "v.c:1: error: cannot find start ('{{')"));
    ck_assert_ptr_nonnull(strstr(plan->problems[1], "cannot find end ('}}')"));
    verify_free(plan);
    plan = plan_of(files, "int x;\n");
    ck_assert_uint_eq(plan->problem_count, 1);
    ck_assert_ptr_nonnull(strstr(plan->problems[0], "no expected directives found"));
    verify_free(plan);
    plan = plan_of(files, "// expected-no-diagnostics\n");
    ck_assert(plan->no_diagnostics);
    ck_assert_uint_eq(plan->problem_count, 0);
    verify_free(plan);
    source_files_free(files);
}
END_TEST

static struct source_range at(const char *file, unsigned line)
{
    return (struct source_range){{file, line, 1}, {NULL, 0, 0}};
}

/* Runs the verifier on `text` against the diagnostics `report` adds; returns its output. */
static char *verify_text(const char *text, void (*report)(struct diag_sink *), unsigned *problems)
{
    struct diag_sink *run = diag_sink_new(NULL);
    diag_sink_set_source(run, "v.c", text, strlen(text));
    struct diag_sink *sink = diag_sink_new_tu(run, "v.c");
    report(sink);
    diag_sink_finish(sink);
    unsigned count;
    const struct source_line *lines = source_files_lines(diag_sink_sources(sink), "v.c", &count);
    struct verify_plan *plan = verify_parse("v.c", lines, count);
    char *output = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&output, &length);
    *problems = verify_check(plan, sink, out);
    fclose(out);
    verify_free(plan);
    diag_sink_free(sink);
    diag_sink_free(run);
    return output;
}

static void use_after_move(struct diag_sink *sink)
{
    struct diagnostic *diag = diag_new("use-after-move", SEVERITY_ERROR, at("v.c", 3),
                                       "use of moved value 'val'");
    diag_add_note(diag, at("v.c", 2), "value moved here (by the call to 'fl_send')");
    diag_report(sink, diag);
}

START_TEST(matching_expectations_pass)
{
    unsigned problems;
    char *output = verify_text("int val;\nsend(val);\n"
                               "use(val); // expected-error {{moved value 'val'}}\n"
                               "// expected-note@-2 {{value moved here}}\n",
                               use_after_move, &problems);
    ck_assert_uint_eq(problems, 0);
    ck_assert_str_eq(output, "");
    free(output);
}
END_TEST

START_TEST(mismatches_are_reported_like_clang)
{
    unsigned problems;
    char *output = verify_text("int val;\nsend(val);\nuse(val);\n"
                               "// expected-error@-1 {{use of moved value 'other'}}\n"
                               "// expected-note@2 {{value moved here}}\n",
                               use_after_move, &problems);
    ck_assert_uint_eq(problems, 2);
    ck_assert_str_eq(output,
        "error: 'expected-error' diagnostics expected but not seen: \n"
        "  File v.c Line 3 (directive at v.c:4): use of moved value 'other'\n"
        "error: 'expected-error' diagnostics seen but not expected: \n"
        "  File v.c Line 3: use of moved value 'val'\n"
        "2 errors generated.\n");
    free(output);
}
END_TEST

static void nothing(struct diag_sink *sink)
{
    (void)sink;
}

START_TEST(counts_and_no_diagnostics)
{
    unsigned problems;
    char *output = verify_text("// expected-no-diagnostics\n", use_after_move, &problems);
    ck_assert_uint_eq(problems, 2); /* the error and its note */
    ck_assert_ptr_nonnull(strstr(output, "'expected-note' diagnostics seen but not expected"));
    free(output);
    output = verify_text("// expected-no-diagnostics\n", nothing, &problems);
    ck_assert_uint_eq(problems, 0);
    free(output);
    output = verify_text("x;\nx;\nx; // expected-error 2 {{moved}} expected-note@-1 {{moved}}\n",
                         use_after_move, &problems);
    ck_assert_uint_eq(problems, 1);
    ck_assert_ptr_nonnull(strstr(output, "expected but not seen"));
    free(output);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("verify");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, parses_offsets_counts_and_files);
    tcase_add_test(tc, reports_malformed_directives);
    tcase_add_test(tc, matching_expectations_pass);
    tcase_add_test(tc, mismatches_are_reported_like_clang);
    tcase_add_test(tc, counts_and_no_diagnostics);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
