/* emit/: clang-shaped text (snippet, caret, range, tabs, colours), JSON, SARIF 2.1.0
 * structure, fingerprints stable across line moves. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "diag/sink.h"
#include "emit/emit.h"
#include "emit/fingerprint.h"

static const char source[] =
    "int main(void)\n"
    "{\n"
    "\tsend(val);\n"
    "    use(val);\n"
    "}\n";

static struct source_range span(const char *file, unsigned line, unsigned begin, unsigned end)
{
    return (struct source_range){{file, line, begin}, {file, line, end}};
}

/* A sink with one use-after-move in "src/t.c" (an unsaved buffer). */
static struct diag_sink *example_sink(void)
{
    struct diag_sink *run = diag_sink_new(NULL);
    diag_sink_set_source(run, "src/t.c", source, strlen(source));
    struct diag_sink *sink = diag_sink_new_tu(run, "src/t.c");
    struct diagnostic *diag = diag_new("use-after-move", SEVERITY_ERROR, span("src/t.c", 4, 9, 11),
                                       "use of moved value 'val'");
    diag_add_note(diag, span("src/t.c", 3, 7, 9), "value moved here");
    diag_report(sink, diag);
    diag_sink_merge(run, sink);
    diag_sink_free(sink);
    diag_sink_finish(run);
    return run;
}

static char *capture(bool (*write)(FILE *, const struct diag_sink *), const struct diag_sink *sink)
{
    char *text = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    ck_assert(write(out, sink));
    fclose(out);
    return text;
}

static bool write_text(FILE *out, const struct diag_sink *sink)
{
    emit_text(out, sink, false);
    return true;
}

static bool write_colour(FILE *out, const struct diag_sink *sink)
{
    emit_text(out, sink, true);
    return true;
}

START_TEST(text_has_clangs_shape)
{
    struct diag_sink *sink = example_sink();
    char *text = capture(write_text, sink);
    ck_assert_str_eq(text,
        "src/t.c:4:9: error: use of moved value 'val' [fearless-use-after-move]\n"
        "    4 |     use(val);\n"
        "      |         ^~~\n"
        "src/t.c:3:7: note: value moved here\n"
        "    3 |         send(val);\n"
        "      |              ^~~\n");
    free(text);
    text = capture(write_colour, sink);
    ck_assert_ptr_nonnull(strstr(text, "\033[0;1;31merror: \033[0m"));
    ck_assert_ptr_nonnull(strstr(text, "\033[0;1;32m"));
    ck_assert_ptr_nonnull(strstr(text, "\033[0;1;30mnote: \033[0m"));
    free(text);
    diag_sink_free(sink);
}
END_TEST

START_TEST(text_without_source_or_location)
{
    struct diag_sink *run = diag_sink_new(NULL);
    struct source_range none = {{NULL, 0, 0}, {NULL, 0, 0}};
    diag_report(run, diag_new("clang-diagnostic-error", SEVERITY_ERROR, none,
                              "no such file or directory: 'x.c'"));
    diag_report(run, diag_new("lock-leaked", SEVERITY_WARNING,
                              span("/nonexistent/x.c", 40, 2, 2), "lock 'm' is still held"));
    diag_sink_finish(run);
    char *text = capture(write_text, run);
    ck_assert_str_eq(text,
        "error: no such file or directory: 'x.c' [clang-diagnostic-error]\n"
        "/nonexistent/x.c:40:2: warning: lock 'm' is still held [fearless-lock-leaked]\n");
    free(text);
    diag_sink_free(run);
}
END_TEST

START_TEST(json_lists_every_field)
{
    struct diag_sink *sink = example_sink();
    char *text = capture(emit_json, sink);
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    ck_assert_ptr_nonnull(root);
    ck_assert_int_eq(json_integer_value(json_object_get(root, "version")), 1);
    json_t *diag = json_array_get(json_object_get(root, "diagnostics"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(diag, "check")), "fearless-use-after-move");
    ck_assert_str_eq(json_string_value(json_object_get(diag, "severity")), "error");
    ck_assert_str_eq(json_string_value(json_object_get(diag, "file")), "src/t.c");
    ck_assert_int_eq(json_integer_value(json_object_get(diag, "line")), 4);
    ck_assert_int_eq(json_integer_value(json_object_get(diag, "column")), 9);
    ck_assert_int_eq(json_integer_value(json_object_get(diag, "end_line")), 4);
    ck_assert_int_eq(json_integer_value(json_object_get(diag, "end_column")), 11);
    json_t *note = json_array_get(json_object_get(diag, "notes"), 0);
    ck_assert_str_eq(json_string_value(json_object_get(note, "message")), "value moved here");
    ck_assert_int_eq(json_integer_value(json_object_get(note, "line")), 3);
    json_decref(root);
    free(text);
    diag_sink_free(sink);
}
END_TEST

static json_t *path(json_t *value, const char *keys)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", keys);
    for (char *key = strtok(copy, "."); key && value; key = strtok(NULL, "."))
        value = *key >= '0' && *key <= '9' ? json_array_get(value, (size_t)atoi(key))
                                           : json_object_get(value, key);
    ck_assert_msg(value != NULL, "missing %s", keys);
    return value;
}

START_TEST(sarif_is_2_1_0_with_rules_and_fingerprints)
{
    struct diag_sink *sink = example_sink();
    char *text = capture(emit_sarif, sink);
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(json_string_value(path(root, "version")), "2.1.0");
    ck_assert_ptr_nonnull(strstr(json_string_value(path(root, "$schema")), "sarif-2.1.0"));
    json_t *run = path(root, "runs.0");
    ck_assert_str_eq(json_string_value(path(run, "tool.driver.name")), "fearless");
    json_t *rules = path(run, "tool.driver.rules");
    ck_assert_uint_eq(json_array_size(rules), check_count());
    json_t *result = path(run, "results.0");
    size_t index = (size_t)json_integer_value(path(result, "ruleIndex"));
    ck_assert_str_eq(json_string_value(path(json_array_get(rules, index), "id")),
                     "fearless-use-after-move");
    ck_assert_str_eq(json_string_value(path(result, "ruleId")), "fearless-use-after-move");
    ck_assert_str_eq(json_string_value(path(result, "level")), "error");
    json_t *location = path(result, "locations.0.physicalLocation");
    ck_assert_str_eq(json_string_value(path(location, "artifactLocation.uri")), "src/t.c");
    ck_assert_str_eq(json_string_value(path(location, "artifactLocation.uriBaseId")), "%SRCROOT%");
    ck_assert_int_eq(json_integer_value(path(location, "region.startColumn")), 9);
    ck_assert_int_eq(json_integer_value(path(location, "region.endColumn")), 12);
    ck_assert_str_eq(json_string_value(path(result, "relatedLocations.0.message.text")),
                     "value moved here");
    const char *print = json_string_value(path(result, "partialFingerprints.fearless/v1"));
    ck_assert_uint_eq(strlen(print), 64);
    const char *root_uri = json_string_value(path(run, "originalUriBaseIds.%SRCROOT%.uri"));
    ck_assert(strncmp(root_uri, "file:///", 8) == 0);
    ck_assert_int_eq(root_uri[strlen(root_uri) - 1], '/');
    json_decref(root);
    free(text);
    diag_sink_free(sink);
}
END_TEST

START_TEST(fingerprint_ignores_line_numbers)
{
    struct diag_sink *run = diag_sink_new(NULL);
    const char *before = "a();\nuse(val);\n", *after = "a();\n\n\n  use(val);\n";
    diag_sink_set_source(run, "one.c", before, strlen(before));
    diag_sink_set_source(run, "two.c", after, strlen(after));
    struct diagnostic *first = diag_new("use-after-move", SEVERITY_ERROR, span("one.c", 2, 5, 7), "m");
    struct diagnostic *moved = diag_new("use-after-move", SEVERITY_ERROR, span("two.c", 4, 7, 9), "m");
    char a[65], b[65];
    diagnostic_fingerprint_in(first, diag_sink_sources(run), a);
    moved->range.begin.file = "one.c"; /* same file name, text at another line */
    diag_sink_set_source(run, "one.c", after, strlen(after));
    diagnostic_fingerprint_in(moved, diag_sink_sources(run), b);
    ck_assert_str_eq(a, b);
    free(moved->message);
    moved->message = strdup("other");
    diagnostic_fingerprint_in(moved, diag_sink_sources(run), b);
    ck_assert_str_ne(a, b);
    diag_free(first);
    diag_free(moved);
    diag_sink_free(run);
}
END_TEST

START_TEST(format_names)
{
    enum emit_format format;
    ck_assert(emit_parse_format("sarif", &format) && format == EMIT_SARIF);
    ck_assert(emit_parse_format("json", &format) && format == EMIT_JSON);
    ck_assert(!emit_parse_format("xml", &format));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("emit");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, text_has_clangs_shape);
    tcase_add_test(tc, text_without_source_or_location);
    tcase_add_test(tc, json_lists_every_field);
    tcase_add_test(tc, sarif_is_2_1_0_with_rules_and_fingerprints);
    tcase_add_test(tc, fingerprint_ignores_line_numbers);
    tcase_add_test(tc, format_names);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
