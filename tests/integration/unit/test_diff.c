#define _GNU_SOURCE
#include "unit.h"

#include "driver/diff.h"

#define TEMPLATE "/tmp/fearless-diff-XXXXXX"
static char scratch[] = TEMPLATE;

static void git(const char *arguments)
{
    char command[1024];
    snprintf(command, sizeof command,
             "cd %s && git -c user.name=t -c user.email=t@example.org %s >/dev/null 2>&1",
             scratch, arguments);
    ck_assert_msg(system(command) == 0, "git %s failed", arguments);
}

static void setup(void)
{
    enter_scratch(scratch);
}

static void teardown(void)
{
    remove_scratch(scratch, TEMPLATE);
}

START_TEST(parses_hunks_of_the_new_side)
{
    const char *text = "diff --git a/src/a.c b/src/a.c\n"
                       "--- a/src/a.c\n"
                       "+++ b/src/a.c\n"
                       "@@ -3 +3 @@ int x;\n"
                       "-old\n"
                       "+new\n"
                       "@@ -10,0 +11,3 @@\n"
                       "+a\n+b\n+c\n"
                       "@@ -20,2 +22,0 @@\n" /* deletion only: nothing to report */
                       "-gone\n-gone\n"
                       "diff --git a/old.c b/old.c\n"
                       "--- a/old.c\n"
                       "+++ /dev/null\n"
                       "@@ -1 +0,0 @@\n"
                       "-x\n";
    struct changed_lines *lines = diff_parse("/repo", text);
    ck_assert_ptr_nonnull(lines);
    ck_assert(diff_line_changed(lines, "/repo/src/a.c", 3));
    ck_assert(!diff_line_changed(lines, "/repo/src/a.c", 4));
    ck_assert(!diff_line_changed(lines, "/repo/src/a.c", 10));
    ck_assert(diff_line_changed(lines, "/repo/src/a.c", 11));
    ck_assert(diff_line_changed(lines, "/repo/src/a.c", 13));
    ck_assert(!diff_line_changed(lines, "/repo/src/a.c", 14));
    ck_assert(!diff_line_changed(lines, "/repo/src/a.c", 22));
    ck_assert(!diff_line_changed(lines, "/repo/old.c", 1));
    ck_assert(!diff_line_changed(lines, "/repo/src/b.c", 3));
    diff_free(lines);
}
END_TEST

START_TEST(loads_the_working_tree_against_head)
{
    git("init -q");
    write_file("a.c", "int a;\nint b;\nint c;\n");
    git("add a.c");
    git("commit -q -m first");
    write_file("a.c", "int a;\nint B;\nint c;\nint d;\n");
    char *error = NULL;
    struct changed_lines *lines = diff_load(NULL, &error);
    ck_assert_msg(lines != NULL, "diff_load: %s", error ? error : "");
    /* Relative and absolute spellings of the same file both match. */
    ck_assert(!diff_line_changed(lines, "a.c", 1));
    ck_assert(diff_line_changed(lines, "a.c", 2));
    ck_assert(!diff_line_changed(lines, "a.c", 3));
    char absolute[512];
    snprintf(absolute, sizeof absolute, "%s/a.c", scratch);
    ck_assert(diff_line_changed(lines, absolute, 4));
    diff_free(lines);
    /* Against an explicit ref: the first commit's tree has everything as changed. */
    git("commit -q -am second");
    lines = diff_load("HEAD~1", &error);
    ck_assert_ptr_nonnull(lines);
    ck_assert(diff_line_changed(lines, "a.c", 2));
    ck_assert(!diff_line_changed(lines, "a.c", 1));
    diff_free(lines);
}
END_TEST

START_TEST(a_repository_without_commits_diffs_against_the_empty_tree)
{
    git("init -q");
    write_file("new.c", "int x;\n");
    git("add new.c");
    char *error = NULL;
    struct changed_lines *lines = diff_load(NULL, &error);
    ck_assert_msg(lines != NULL, "diff_load: %s", error ? error : "");
    ck_assert(diff_line_changed(lines, "new.c", 1));
    diff_free(lines);
}
END_TEST

START_TEST(errors_are_messages)
{
    char *error = NULL;
    ck_assert_ptr_null(diff_load(NULL, &error)); /* not a repository */
    ck_assert_ptr_nonnull(error);
    ck_assert_msg(strstr(error, "git repository"), "message: %s", error);
    free(error);
    git("init -q");
    write_file("a.c", "int a;\n");
    git("add a.c");
    git("commit -q -m first");
    error = NULL;
    ck_assert_ptr_null(diff_load("no-such-ref", &error));
    ck_assert_msg(error && strstr(error, "no-such-ref"), "message: %s", error ? error : "");
    free(error);
}
END_TEST

int main(void)
{
    /* git must not climb out of the scratch folder into an enclosing repository. */
    setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1);
    Suite *suite = suite_create("diff");
    TCase *tc = tcase_create("diff");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, parses_hunks_of_the_new_side);
    tcase_add_test(tc, loads_the_working_tree_against_head);
    tcase_add_test(tc, a_repository_without_commits_diffs_against_the_empty_tree);
    tcase_add_test(tc, errors_are_messages);
    suite_add_tcase(suite, tc);
    return run_suite(suite, true);
}
