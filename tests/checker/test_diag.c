/* diag/: builders, the check filter, NOLINT comments, the sink (TU filtering, merge,
 * de-duplication, sorting, counts). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag/filter.h"
#include "diag/nolint.h"
#include "diag/sink.h"

static struct source_range at(const char *file, unsigned line, unsigned column)
{
    return (struct source_range){{file, line, column}, {NULL, 0, 0}};
}

START_TEST(builder_prefixes_check_names)
{
    struct diagnostic *diag = diag_new("use-after-move", SEVERITY_ERROR, at("a.c", 1, 2),
                                       "use of moved value '%s'", "val");
    ck_assert_str_eq(diag->check, "fearless-use-after-move");
    ck_assert_str_eq(diag->message, "use of moved value 'val'");
    diag_add_note(diag, at("a.c", 1, 1), "value moved here");
    ck_assert_uint_eq(diag->note_count, 1);
    struct diagnostic *copy = diag_copy(diag);
    ck_assert_str_eq(copy->notes[0].message, "value moved here");
    ck_assert_ptr_ne(copy->message, diag->message);
    diag_free(diag);
    diag_free(copy);
    diag = diag_new("clang-diagnostic-error", SEVERITY_ERROR, at("a.c", 1, 1), "x");
    ck_assert_str_eq(diag->check, "clang-diagnostic-error");
    diag_free(diag);
    ck_assert_str_eq(severity_name(SEVERITY_WARNING), "warning");
}
END_TEST

START_TEST(check_globs_follow_clang_tidy)
{
    char *error = NULL;
    struct diag_filter *all = diag_filter_new(NULL, NULL, &error);
    ck_assert(diag_filter_check_enabled(all, "use-after-move"));
    ck_assert(diag_filter_check_enabled(all, "fearless-lock-order"));
    diag_filter_free(all);
    struct diag_filter *locks = diag_filter_new("-*, fearless-lock-*", NULL, &error);
    ck_assert(!diag_filter_check_enabled(locks, "use-after-move"));
    ck_assert(diag_filter_check_enabled(locks, "lock-order"));
    ck_assert(diag_filter_check_enabled(locks, "clang-diagnostic-error"));
    diag_filter_free(locks);
    struct diag_filter *minus = diag_filter_new("-fearless-data-race", NULL, &error);
    ck_assert(!diag_filter_check_enabled(minus, "data-race"));
    ck_assert(diag_filter_check_enabled(minus, "double-lock"));
    diag_filter_free(minus);
    ck_assert(check_glob_match("fearless-*-lock", 15, "fearless-double-lock"));
    ck_assert(!check_glob_match("fearless-*-lock", 15, "fearless-lock-order"));
}
END_TEST

START_TEST(header_filter_and_system_headers)
{
    char *error = NULL;
    ck_assert_ptr_null(diag_filter_new(NULL, "([", &error));
    ck_assert_ptr_nonnull(strstr(error, "--header-filter"));
    free(error);
    struct diag_filter *none = diag_filter_new(NULL, NULL, &error);
    ck_assert(diag_filter_file_wanted(none, "/src/a.c", "/src/a.c"));
    ck_assert(!diag_filter_file_wanted(none, "/src/a.h", "/src/a.c"));
    ck_assert(!diag_filter_file_wanted(none, "/usr/include/stdio.h", NULL));
    ck_assert(!diag_filter_file_wanted(none, "/usr/include/stdio.h", "/src/a.c"));
    ck_assert(diag_filter_file_wanted(none, "/usr/include/asked.c", "/usr/include/asked.c"));
    diag_filter_free(none);
    struct diag_filter *mine = diag_filter_new(NULL, "/src/", &error);
    ck_assert(diag_filter_file_wanted(mine, "/src/a.h", "/src/a.c"));
    ck_assert(!diag_filter_file_wanted(mine, "/other/b.h", "/src/a.c"));
    diag_filter_add_system_directory(mine, "/src/vendor");
    ck_assert(!diag_filter_file_wanted(mine, "/src/vendor/x.h", "/src/a.c"));
    ck_assert(diag_filter_file_wanted(mine, "/src/vendorx.h", "/src/a.c"));
    diag_filter_free(mine);
}
END_TEST

/* Lines from a literal text, through the source cache. */
static const struct source_line *lines_of(struct source_files *files, const char *text,
                                          unsigned *count)
{
    source_files_set(files, "t.c", text, strlen(text));
    return source_files_lines(files, "t.c", count);
}

START_TEST(nolint_comments)
{
    struct source_files *files = source_files_new();
    unsigned n;
    const struct source_line *lines = lines_of(files,
        "a(); // NOLINT\n"                                   /* 1 */
        "b(); // NOLINT(fearless-double-lock)\n"             /* 2 */
        "// NOLINTNEXTLINE(fearless-use-*, other)\n"         /* 3 */
        "c();\n"                                             /* 4 */
        "// NOLINTBEGIN(fearless-lock-order)\n"              /* 5 */
        "d();\n"                                             /* 6 */
        "// NOLINTEND(fearless-lock-order)\n"                /* 7 */
        "e();\r\n"                                           /* 8 */
        "/* NOLINTBEGIN */\n"                                /* 9 */
        "f();\n", &n);                                       /* 10 */
    ck_assert_uint_eq(n, 10);
    ck_assert(nolint_suppresses(lines, n, 1, "fearless-use-after-move"));
    ck_assert(nolint_suppresses(lines, n, 2, "fearless-double-lock"));
    ck_assert(!nolint_suppresses(lines, n, 2, "fearless-use-after-move"));
    ck_assert(nolint_suppresses(lines, n, 4, "fearless-use-after-move"));
    ck_assert(!nolint_suppresses(lines, n, 4, "fearless-lock-order"));
    ck_assert(!nolint_suppresses(lines, n, 3, "fearless-use-after-move"));
    ck_assert(nolint_suppresses(lines, n, 6, "fearless-lock-order"));
    ck_assert(!nolint_suppresses(lines, n, 6, "fearless-double-lock"));
    ck_assert(!nolint_suppresses(lines, n, 8, "fearless-lock-order"));
    ck_assert(nolint_suppresses(lines, n, 10, "fearless-data-race"));
    ck_assert(!nolint_suppresses(lines, n, 11, "fearless-data-race"));
    source_files_free(files);
}
END_TEST

static struct diagnostic *finding(const char *file, unsigned line, const char *check)
{
    struct diagnostic *diag = diag_new(check, SEVERITY_ERROR, at(file, line, 3), "problem %u", line);
    diag_add_note(diag, at(file, line, 1), "because");
    return diag;
}

START_TEST(sink_dedups_headers_and_sorts)
{
    char *error = NULL;
    struct diag_filter *filter = diag_filter_new(NULL, "\\.h$", &error);
    struct diag_sink *run = diag_sink_new(filter);
    for (int tu = 0; tu < 2; tu++) {
        const char *main_file = tu ? "/p/b.c" : "/p/a.c";
        struct diag_sink *sink = diag_sink_new_tu(run, main_file);
        char file[] = "/p/x.c";
        diag_report(sink, finding("/p/common.h", 4, "use-after-move"));
        diag_report(sink, finding(main_file, 9, "double-lock"));
        diag_report(sink, finding(main_file, 2, "double-lock"));
        diag_report(sink, finding(file, 1, "double-lock")); /* another TU's main file */
        diag_report(sink, finding("/usr/include/stdio.h", 1, "double-lock"));
        for (unsigned i = 0; i < diag_sink_count(sink); i++)
            ck_assert_str_ne(diag_sink_at(sink, i)->range.begin.file, "/p/x.c");
        ck_assert_uint_eq(diag_sink_count(sink), 3);
        diag_sink_merge(run, sink);
        ck_assert_uint_eq(diag_sink_count(sink), 0);
        diag_sink_free(sink);
    }
    diag_sink_finish(run);
    ck_assert_uint_eq(diag_sink_count(run), 5);
    ck_assert_str_eq(diag_sink_at(run, 0)->range.begin.file, "/p/a.c");
    ck_assert_uint_eq(diag_sink_at(run, 0)->range.begin.line, 2);
    ck_assert_uint_eq(diag_sink_at(run, 1)->range.begin.line, 9);
    ck_assert_str_eq(diag_sink_at(run, 4)->range.begin.file, "/p/common.h");
    ck_assert_ptr_eq(diag_sink_at(run, 4)->range.begin.file, diag_sink_intern(run, "/p/common.h"));
    ck_assert_uint_eq(diag_sink_file_count(run), 3);
    ck_assert_uint_eq(diag_sink_severity_count(run, SEVERITY_ERROR), 5);
    ck_assert_uint_eq(diag_sink_severity_count(run, SEVERITY_WARNING), 0);
    diag_sink_free(run);
    diag_filter_free(filter);
}
END_TEST

static bool is_line_two(const struct diagnostic *diag, void *data)
{
    (void)data;
    return diag->range.begin.line == 2;
}

START_TEST(sink_applies_nolint_checks_and_remove_if)
{
    char *error = NULL;
    struct diag_filter *filter = diag_filter_new("-fearless-data-race", NULL, &error);
    struct diag_sink *run = diag_sink_new(filter);
    const char *text = "x;\ny;\nz; // NOLINT(fearless-double-lock)\n";
    diag_sink_set_source(run, "/virtual/a.c", text, strlen(text));
    struct diag_sink *sink = diag_sink_new_tu(run, "/virtual/a.c");
    diag_report(sink, finding("/virtual/a.c", 3, "double-lock"));
    diag_report(sink, finding("/virtual/a.c", 3, "use-after-move"));
    diag_report(sink, finding("/virtual/a.c", 1, "data-race"));
    diag_report(sink, finding("/virtual/a.c", 2, "lock-order"));
    diag_report(sink, diag_new("clang-diagnostic-error", SEVERITY_ERROR, at("/usr/include/x.h", 1, 1), "bad"));
    diag_report(NULL, finding("/virtual/a.c", 1, "lock-order")); /* freed, no crash */
    ck_assert_uint_eq(diag_sink_suppressed_count(sink), 1);
    diag_sink_finish(sink);
    ck_assert_uint_eq(diag_sink_count(sink), 3);
    diag_sink_remove_if(sink, is_line_two, NULL);
    ck_assert_uint_eq(diag_sink_count(sink), 2);
    ck_assert_str_eq(diag_sink_at(sink, 0)->check, "clang-diagnostic-error"); /* /usr < /virtual */
    ck_assert_str_eq(diag_sink_at(sink, 1)->check, "fearless-use-after-move");
    diag_sink_free(sink);
    diag_sink_free(run);
    diag_filter_free(filter);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("diag");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, builder_prefixes_check_names);
    tcase_add_test(tc, check_globs_follow_clang_tidy);
    tcase_add_test(tc, header_filter_and_system_headers);
    tcase_add_test(tc, nolint_comments);
    tcase_add_test(tc, sink_dedups_headers_and_sorts);
    tcase_add_test(tc, sink_applies_nolint_checks_and_remove_if);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
