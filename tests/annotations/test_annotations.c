/* Reads uses_every_macro.c through libclang and checks that every annotation string the
 * checker relies on is there, exactly as fearless.h writes it. */
#include <check.h>
#include <clang-c/Index.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEEN 256

struct seen {
    unsigned count;
    char *texts[MAX_SEEN];
};

static enum CXChildVisitResult collect(CXCursor cursor, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct seen *seen = data;
    if (cursor.kind == CXCursor_AnnotateAttr && seen->count < MAX_SEEN) {
        CXString text = clang_getCursorSpelling(cursor);
        seen->texts[seen->count++] = strdup(clang_getCString(text));
        clang_disposeString(text);
    }
    return CXChildVisit_Recurse;
}

static unsigned occurrences(const struct seen *seen, const char *text)
{
    unsigned count = 0;
    for (unsigned i = 0; i < seen->count; i++)
        count += strcmp(seen->texts[i], text) == 0;
    return count;
}

static struct seen seen;

static void parse_file(void)
{
    CXIndex index = clang_createIndex(0, 0);
    const char *arguments[] = {"-std=c11", ("-I" ANNOTATIONS_DIR), "-resource-dir", CLANG_RESOURCE_DIR};
    CXTranslationUnit tu = clang_parseTranslationUnit(index, USES_FILE, arguments, 4, NULL, 0, 0);
    ck_assert_ptr_nonnull(tu);
    for (unsigned i = 0; i < clang_getNumDiagnostics(tu); i++) {
        CXDiagnostic diagnostic = clang_getDiagnostic(tu, i);
        ck_assert_int_lt(clang_getDiagnosticSeverity(diagnostic), CXDiagnostic_Warning);
        clang_disposeDiagnostic(diagnostic);
    }
    memset(&seen, 0, sizeof seen);
    clang_visitChildren(clang_getTranslationUnitCursor(tu), collect, &seen);
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(index);
}

static void release_seen(void)
{
    for (unsigned i = 0; i < seen.count; i++)
        free(seen.texts[i]);
    seen.count = 0;
}

/* Each string: how many times uses_every_macro.c writes it (short names + FL_ names). */
static const struct {
    const char *text;
    unsigned count;
} expected[] = {
    {"fearless:lock_type", 2},
    {"fearless:acquired_before:lock_b", 1},
    {"fearless:acquired_after:lock_b", 1},
    {"fearless:acquired_before:fl_lock_b", 1},
    {"fearless:acquired_after:fl_lock_b", 1},
    {"fearless:guarded_by:lock_a", 1},
    {"fearless:pt_guarded_by:lock_a", 1},
    {"fearless:guarded_by:mu", 2},
    {"fearless:pt_guarded_by:mu", 2},
    {"fearless:send", 2},
    {"fearless:not_send", 2},
    {"fearless:unsafe_send", 2},
    {"fearless:sync", 2},
    {"fearless:not_sync", 2},
    {"fearless:unsafe_sync", 2},
    {"fearless:moved", 2},
    {"fearless:moved_if:ST_OK", 2},
    {"fearless:thread_fn", 2},
    {"fearless:thread_arg", 2},
    {"fearless:joins", 2},
    {"fearless:detaches", 2},
    {"fearless:acquire:m", 2},
    {"fearless:acquire_shared:m", 2},
    {"fearless:release:m", 2},
    {"fearless:release_shared:m", 2},
    {"fearless:try_acquire:ST_OK, m", 2},
    {"fearless:requires:a->mu", 1},
    {"fearless:requires_shared:a->mu", 1},
    {"fearless:excludes:a->mu", 1},
    {"fearless:returns_guard:a->mu", 1},
    {"fearless:requires:p->mu", 1},
    {"fearless:requires_shared:p->mu", 1},
    {"fearless:excludes:p->mu", 1},
    {"fearless:returns_guard:p->mu", 1},
    {"fearless:no_thread_safety_analysis", 2},
};

START_TEST(every_annotation_reads_back)
{
    parse_file();
    unsigned total = 0;
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        ck_assert_msg(occurrences(&seen, expected[i].text) == expected[i].count,
                      "'%s' seen %u times, expected %u", expected[i].text,
                      occurrences(&seen, expected[i].text), expected[i].count);
        total += expected[i].count;
    }
    /* Nothing else: every annotate string in the file is one of the expected ones. */
    ck_assert_uint_eq(seen.count, total);
    for (unsigned i = 0; i < seen.count; i++)
        ck_assert_msg(strncmp(seen.texts[i], "fearless:", 9) == 0, "%s", seen.texts[i]);
    release_seen();
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("annotations");
    TCase *tc = tcase_create("read back");
    tcase_add_test(tc, every_annotation_reads_back);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
