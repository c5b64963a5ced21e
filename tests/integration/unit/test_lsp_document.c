#include "unit.h"
#include <stdlib.h>
#include <string.h>

#include "lsp/document.h"

static json_t *range_change(unsigned line, unsigned character, unsigned end_line,
                            unsigned end_character, const char *text)
{
    return json_pack("[{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:s}]", "range", "start", "line", line,
                     "character", character, "end", "line", end_line, "character",
                     end_character, "text", text);
}

static char *text_of(struct document_store *store, const char *uri)
{
    struct document copy;
    ck_assert(documents_snapshot(store, uri, &copy));
    char *text = strdup(copy.text);
    document_release(&copy);
    return text;
}

START_TEST(incremental_and_full_changes)
{
    struct document_store store;
    documents_init(&store);
    const char *uri = "file:///tmp/a.c";
    documents_open(&store, uri, "int a;\nint b;\n", 14, 1, true);
    json_t *change = range_change(1, 4, 1, 5, "bee");
    ck_assert(documents_change(&store, uri, change, 2));
    json_decref(change);
    char *text = text_of(&store, uri);
    ck_assert_str_eq(text, "int a;\nint bee;\n");
    free(text);
    /* An insertion spanning lines, then a deletion across the line break. */
    change = range_change(0, 6, 0, 6, "\nint c;");
    ck_assert(documents_change(&store, uri, change, 3));
    json_decref(change);
    change = range_change(0, 6, 1, 0, "");
    ck_assert(documents_change(&store, uri, change, 4));
    json_decref(change);
    text = text_of(&store, uri);
    ck_assert_str_eq(text, "int a;int c;\nint bee;\n");
    free(text);
    long version;
    ck_assert(documents_version(&store, uri, &version));
    ck_assert_int_eq(version, 4);
    change = json_pack("[{s:s}]", "text", "whole");
    ck_assert(documents_change(&store, uri, change, 5));
    json_decref(change);
    text = text_of(&store, uri);
    ck_assert_str_eq(text, "whole");
    free(text);
    /* Malformed changes and unknown documents are refused, the text kept. */
    change = json_pack("[{s:i}]", "text", 3);
    ck_assert(!documents_change(&store, uri, change, 6));
    ck_assert(!documents_change(&store, "file:///nope.c", change, 1));
    json_decref(change);
    text = text_of(&store, uri);
    ck_assert_str_eq(text, "whole");
    free(text);
    documents_close(&store, uri);
    ck_assert(!documents_version(&store, uri, &version));
    documents_destroy(&store);
}
END_TEST

/* "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 UTF-16 units. */
static const char WIDE[] = "a\xc3\xa9" "b\xf0\x9f\x98\x80" "c\nx";

START_TEST(positions_count_utf16_units_by_default)
{
    size_t length = strlen(WIDE);
    ck_assert_uint_eq(position_to_offset(WIDE, length, 0, 2, ENCODING_UTF16), 3); /* b */
    ck_assert_uint_eq(position_to_offset(WIDE, length, 0, 5, ENCODING_UTF16), 8); /* c */
    ck_assert_uint_eq(position_to_offset(WIDE, length, 0, 8, ENCODING_UTF8), 8);
    ck_assert_uint_eq(position_to_offset(WIDE, length, 0, 4, ENCODING_UTF32), 8);
    ck_assert_uint_eq(position_to_offset(WIDE, length, 0, 99, ENCODING_UTF16), 9); /* clamped */
    ck_assert_uint_eq(position_to_offset(WIDE, length, 1, 0, ENCODING_UTF16), 10);
    ck_assert_uint_eq(position_to_offset(WIDE, length, 7, 0, ENCODING_UTF16), length);
    ck_assert_uint_eq(column_to_character(WIDE, length, 0, 8, ENCODING_UTF16), 5);
    ck_assert_uint_eq(column_to_character(WIDE, length, 0, 3, ENCODING_UTF16), 2);
    ck_assert_uint_eq(column_to_character(WIDE, length, 0, 8, ENCODING_UTF8), 8);
    ck_assert_uint_eq(column_to_character(WIDE, length, 1, 1, ENCODING_UTF16), 1);
}
END_TEST

START_TEST(uris_and_paths)
{
    char *path = uri_to_path("file:///home/me/my%20project/a.c");
    ck_assert_str_eq(path, "/home/me/my project/a.c");
    char *uri = path_to_uri(path);
    ck_assert_str_eq(uri, "file:///home/me/my%20project/a.c");
    free(path);
    free(uri);
    path = uri_to_path("file://localhost/x.c");
    ck_assert_str_eq(path, "/x.c");
    free(path);
    ck_assert_ptr_null(uri_to_path("untitled:Untitled-1"));
    ck_assert_ptr_null(uri_to_path("file://server/share/x.c"));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("lsp_document");
    TCase *tc = tcase_create("document");
    tcase_add_test(tc, incremental_and_full_changes);
    tcase_add_test(tc, positions_count_utf16_units_by_default);
    tcase_add_test(tc, uris_and_paths);
    suite_add_tcase(suite, tc);
    return run_suite(suite, true);
}
