#define _GNU_SOURCE
#include "unit.h"

#include "diag/diag.h"
#include "driver/baseline.h"
#include "diag/source.h"
#include "emit/fingerprint.h"

#define TEMPLATE "/tmp/fearless-baseline-XXXXXX"
static char scratch[] = TEMPLATE;

static void setup(void)
{
    enter_scratch(scratch);
}

static void teardown(void)
{
    remove_scratch(scratch, TEMPLATE);
}

static struct diagnostic *finding(const char *file, unsigned line, const char *name)
{
    struct source_range range = {{file, line, 12}, {file, line, 12}};
    return diag_new("use-after-move", SEVERITY_ERROR, range, "use of moved value '%s'", name);
}

/* A SARIF log holding the fingerprint of `diag` in `source` (the earlier version of its
 * file), as the SARIF emitter writes it. */
static void write_baseline(const char *path, const struct diagnostic *diag, const char *source)
{
    char print[65];
    struct source_files *earlier = source_files_new();
    source_files_set(earlier, diag->range.begin.file, source, strlen(source));
    diagnostic_fingerprint_in(diag, earlier, print);
    source_files_free(earlier);
    FILE *file = fopen(path, "w");
    ck_assert_ptr_nonnull(file);
    fprintf(file,
            "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"fearless\"}},"
            "\"results\":[{\"ruleId\":\"fearless-use-after-move\",\"message\":{\"text\":\"x\"},"
            "\"partialFingerprints\":{\"fearless/v1\":\"%s\"}}]}]}",
            print);
    fclose(file);
}

static const char SOURCE[] = "void f(char *p)\n{\n    free(p);\n    use(p);\n}\n";

START_TEST(known_finding_is_hidden_even_after_edits_elsewhere)
{
    struct diagnostic *old = finding("a.c", 4, "p");
    write_baseline("old.sarif", old, SOURCE);
    char *error = NULL;
    struct baseline *baseline = baseline_load("old.sarif", &error);
    ck_assert_msg(baseline != NULL, "baseline_load: %s", error ? error : "");
    /* The file now has two lines added above: the finding moves to line 6, and stays
     * known. (baseline_contains reads the file from disk.) */
    write_file("a.c", "#include <stdlib.h>\nvoid use(char *);\n" "void f(char *p)\n{\n"
                      "    free(p);\n    use(p);\n}\n");
    struct diagnostic *moved_down = finding("a.c", 6, "p");
    ck_assert(baseline_contains(baseline, moved_down));
    /* A new finding (other line text or other message) is not hidden. */
    struct diagnostic *other_line = finding("a.c", 5, "p");
    struct diagnostic *other_name = finding("a.c", 6, "q");
    ck_assert(!baseline_contains(baseline, other_line));
    ck_assert(!baseline_contains(baseline, other_name));
    ck_assert(!baseline_contains(baseline, old)); /* line 4 of the new file is another line */
    diag_free(old);
    diag_free(moved_down);
    diag_free(other_line);
    diag_free(other_name);
    baseline_free(baseline);
}
END_TEST

START_TEST(fingerprints_are_matched_exactly)
{
    write_file("empty.sarif", "{\"version\":\"2.1.0\",\"runs\":[{\"results\":["
                              "{\"partialFingerprints\":{\"fearless/v1\":\"abc\"}},"
                              "{\"partialFingerprints\":{\"other/v1\":\"def\"}},"
                              "{\"message\":{\"text\":\"no fingerprint\"}}]}]}");
    char *error = NULL;
    struct baseline *baseline = baseline_load("empty.sarif", &error);
    ck_assert_ptr_nonnull(baseline);
    ck_assert(baseline_contains_fingerprint(baseline, "abc"));
    ck_assert(!baseline_contains_fingerprint(baseline, "def"));
    ck_assert(!baseline_contains_fingerprint(baseline, "ab"));
    baseline_free(baseline);
}
END_TEST

START_TEST(bad_files_give_a_message)
{
    char *error = NULL;
    ck_assert_ptr_null(baseline_load("missing.sarif", &error));
    ck_assert_msg(error && strstr(error, "missing.sarif"), "message: %s", error ? error : "");
    free(error);
    write_file("broken.sarif", "{\"runs\": [");
    error = NULL;
    ck_assert_ptr_null(baseline_load("broken.sarif", &error));
    ck_assert_ptr_nonnull(error);
    free(error);
    write_file("notsarif.json", "{\"diagnostics\": []}");
    error = NULL;
    ck_assert_ptr_null(baseline_load("notsarif.json", &error));
    ck_assert_msg(error && strstr(error, "runs"), "message: %s", error ? error : "");
    free(error);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("baseline");
    TCase *tc = tcase_create("baseline");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, known_finding_is_hidden_even_after_edits_elsewhere);
    tcase_add_test(tc, fingerprints_are_matched_exactly);
    tcase_add_test(tc, bad_files_give_a_message);
    suite_add_tcase(suite, tc);
    return run_suite(suite, true);
}
