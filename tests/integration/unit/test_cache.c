#define _GNU_SOURCE
#include "unit.h"

#include "diag/sink.h"
#include "driver/cache.h"

#define TEMPLATE "/tmp/fearless-cache-XXXXXX"
static char scratch[] = TEMPLATE;
static struct diag_sink *run;

static void setup(void)
{
    enter_scratch(scratch);
    write_file("a.c", "#include \"a.h\"\nint main(void) { return A; }\n");
    write_file("a.h", "#define A 0\n");
    run = diag_sink_new(NULL);
}

static void teardown(void)
{
    diag_sink_free(run);
    remove_scratch(scratch, TEMPLATE);
}

/* The path of the one entry file in cache/. */
static void entry_file(char *path, size_t size)
{
    FILE *found = popen("find cache -name '*.json'", "r");
    ck_assert_ptr_nonnull(found);
    ck_assert_ptr_nonnull(fgets(path, (int)size, found));
    path[strcspn(path, "\n")] = '\0';
    pclose(found);
}

static const char *const FLAGS[] = {"-DX=1", "-I."};
static const struct tu_input INPUT = {.file = "a.c", .argument_count = 2, .arguments = FLAGS};
static const char *const INCLUDES[] = {"a.h"};

/* Stores one TU with two diagnostics (one with a note), as the driver does after an
 * analysis. */
static void store(struct result_cache *cache, const struct tu_input *input)
{
    const char *file = diag_sink_intern(run, "a.c");
    struct source_range at = {{file, 2, 18}, {file, 2, 25}};
    struct diagnostic *first = diag_new("use-after-move", SEVERITY_ERROR, at,
                                        "use of moved value '%s'", "p");
    struct source_range note = {{file, 1, 1}, {0}};
    diag_add_note(first, note, "value moved here");
    struct diagnostic *second = diag_new("lock-leaked", SEVERITY_WARNING, note, "held 'm'");
    const struct diagnostic *diags[] = {first, second};
    result_cache_store(cache, input, INCLUDES, 1, diags, 2, PIPELINE_ANALYZED);
    diag_free(first);
    diag_free(second);
}

/* Replays into a fresh TU sink: the number of diagnostics, or -1 on a miss. */
static int replay(struct result_cache *cache, const struct tu_input *input,
                  struct diag_sink **out)
{
    struct diag_sink *tu = diag_sink_new_tu(run, input->file);
    enum pipeline_status status = PIPELINE_FAILED;
    if (!result_cache_replay(cache, input, tu, &status)) {
        diag_sink_free(tu);
        return -1;
    }
    ck_assert_int_eq(status, PIPELINE_ANALYZED);
    diag_sink_finish(tu);
    int count = (int)diag_sink_count(tu);
    if (out)
        *out = tu;
    else
        diag_sink_free(tu);
    return count;
}

static struct result_cache *open_cache(void)
{
    char *error = NULL;
    struct result_cache *cache = result_cache_open("cache", &error);
    ck_assert_msg(cache != NULL, "result_cache_open: %s", error ? error : "");
    return cache;
}

START_TEST(replays_exactly_what_was_stored)
{
    struct result_cache *cache = open_cache();
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1); /* cold */
    store(cache, &INPUT);
    result_cache_close(cache);
    cache = open_cache(); /* a later run */
    struct diag_sink *tu;
    ck_assert_int_eq(replay(cache, &INPUT, &tu), 2);
    const struct diagnostic *moved = NULL;
    for (unsigned i = 0; i < diag_sink_count(tu); i++)
        if (strcmp(diag_sink_at(tu, i)->check, "fearless-use-after-move") == 0)
            moved = diag_sink_at(tu, i);
    ck_assert_ptr_nonnull(moved);
    ck_assert_int_eq(moved->severity, SEVERITY_ERROR);
    ck_assert_str_eq(moved->message, "use of moved value 'p'");
    ck_assert_uint_eq(moved->range.begin.line, 2);
    ck_assert_uint_eq(moved->range.begin.column, 18);
    ck_assert_uint_eq(moved->range.end.column, 25);
    ck_assert_ptr_eq(moved->range.begin.file, diag_sink_intern(run, "a.c")); /* interned */
    ck_assert_uint_eq(moved->note_count, 1);
    ck_assert_str_eq(moved->notes[0].message, "value moved here");
    ck_assert_ptr_null(moved->notes[0].range.end.file);
    diag_sink_free(tu);
    result_cache_close(cache);
}
END_TEST

START_TEST(a_change_to_anything_the_tu_depends_on_misses)
{
    struct result_cache *cache = open_cache();
    store(cache, &INPUT);
    ck_assert_int_eq(replay(cache, &INPUT, NULL), 2);
    /* Other flags. */
    const char *const other_flags[] = {"-DX=2", "-I."};
    struct tu_input flags = INPUT;
    flags.arguments = other_flags;
    ck_assert_int_eq(replay(cache, &flags, NULL), -1);
    /* Other options (--strict, --checks). */
    result_cache_set_options(cache, "--strict");
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    result_cache_set_options(cache, "");
    ck_assert_int_eq(replay(cache, &INPUT, NULL), 2);
    /* An unsaved buffer with other contents. */
    struct tu_input buffer = INPUT;
    buffer.unsaved_contents = "int main(void) { return 1; }\n";
    buffer.unsaved_length = strlen(buffer.unsaved_contents);
    ck_assert_int_eq(replay(cache, &buffer, NULL), -1);
    result_cache_close(cache);
    /* The file itself (a new run: header hashes are memoized per run). */
    write_file("a.c", "#include \"a.h\"\nint main(void) { return A + 0; }\n");
    cache = open_cache();
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    store(cache, &INPUT);
    ck_assert_int_eq(replay(cache, &INPUT, NULL), 2);
    result_cache_close(cache);
    /* An included header. */
    write_file("a.h", "#define A 1\n");
    cache = open_cache();
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    result_cache_close(cache);
    /* A header that disappeared. */
    cache = open_cache();
    store(cache, &INPUT);
    result_cache_close(cache);
    ck_assert_int_eq(unlink("a.h"), 0);
    cache = open_cache();
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    result_cache_close(cache);
}
END_TEST

START_TEST(corrupt_entries_are_misses_not_crashes)
{
    struct result_cache *cache = open_cache();
    store(cache, &INPUT);
    char path[512];
    entry_file(path, sizeof path);
    write_file(path, ""); /* truncated */
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    write_file(path, "{\"format\": 1, \"diagnostics\": [{}]}"); /* fields missing */
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    write_file(path, "[1, 2]");
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    result_cache_close(cache);
    char *error = NULL;
    write_file("plainfile", "x");
    ck_assert_ptr_null(result_cache_open("plainfile/sub", &error));
    ck_assert_ptr_nonnull(error);
    free(error);
}
END_TEST

START_TEST(tus_with_compile_errors_are_not_stored)
{
    struct result_cache *cache = open_cache();
    const char *file = diag_sink_intern(run, "a.c");
    struct source_range at = {{file, 1, 10}, {0}};
    struct diagnostic *error = diag_new("clang-diagnostic-error", SEVERITY_ERROR, at,
                                        "'b.h' file not found");
    const struct diagnostic *diags[] = {error};
    /* The missing header is not among the includes: a replay could not see it appear. */
    result_cache_store(cache, &INPUT, NULL, 0, diags, 1, PIPELINE_COMPILE_ERRORS);
    ck_assert_int_eq(replay(cache, &INPUT, NULL), -1);
    diag_free(error);
    result_cache_close(cache);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("cache");
    TCase *tc = tcase_create("cache");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, replays_exactly_what_was_stored);
    tcase_add_test(tc, a_change_to_anything_the_tu_depends_on_misses);
    tcase_add_test(tc, corrupt_entries_are_misses_not_crashes);
    tcase_add_test(tc, tus_with_compile_errors_are_not_stored);
    suite_add_tcase(suite, tc);
    return run_suite(suite, false); /* one scratch folder per test, in order */
}
