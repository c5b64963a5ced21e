#include "unit.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp/transport.h"

/* A reader over a pipe holding `input` (then EOF). */
static void reader_over(struct message_reader *reader, const char *input)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    size_t length = strlen(input);
    ck_assert_int_eq(write(fds[1], input, length), (ssize_t)length);
    close(fds[1]);
    reader_init(reader, fds[0]);
}

static void expect_body(struct message_reader *reader, const char *body)
{
    char *got = NULL;
    size_t length = 0;
    ck_assert_int_eq(reader_next(reader, &got, &length), READ_OK);
    ck_assert_uint_eq(length, strlen(body));
    ck_assert_str_eq(got, body);
    free(got);
}

START_TEST(reads_framed_messages)
{
    struct message_reader reader;
    reader_over(&reader, "Content-Length: 2\r\n\r\n{}"
                         "content-length: 7\r\n"
                         "Content-Type: application/vscode-jsonrpc\r\n\r\n[1,2,3]"
                         "Content-Length:  1\n\n5");
    expect_body(&reader, "{}");
    expect_body(&reader, "[1,2,3]");
    expect_body(&reader, "5");
    char *body;
    size_t length;
    ck_assert_int_eq(reader_next(&reader, &body, &length), READ_EOF);
    close(reader.fd);
}
END_TEST

START_TEST(recovers_from_bad_headers)
{
    struct message_reader reader;
    reader_over(&reader, "Content-Length: abc\r\n\r\n{\"lost\":1}"
                         "Content-Length: 2\r\n\r\n{}"
                         "garbage line\r\n\r\n"
                         "Content-Length: 4\r\n\r\nnull");
    char *body;
    size_t length;
    ck_assert_int_eq(reader_next(&reader, &body, &length), READ_BAD_HEADER);
    expect_body(&reader, "{}");
    ck_assert_int_eq(reader_next(&reader, &body, &length), READ_BAD_HEADER);
    expect_body(&reader, "null");
    close(reader.fd);
}
END_TEST

START_TEST(eof_inside_a_message_is_an_error)
{
    struct message_reader reader;
    reader_over(&reader, "Content-Length: 10\r\n\r\n{\"a\":");
    char *body;
    size_t length;
    ck_assert_int_eq(reader_next(&reader, &body, &length), READ_ERROR);
    close(reader.fd);
}
END_TEST

START_TEST(writes_framed_messages)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    struct message_writer writer;
    writer_init(&writer, fds[1]);
    json_t *message = json_pack("{s:i}", "id", 1);
    ck_assert_int_eq(writer_send_json(&writer, message), 0);
    json_decref(message);
    close(fds[1]);
    struct message_reader reader;
    reader_init(&reader, fds[0]);
    expect_body(&reader, "{\"id\":1}");
    close(fds[0]);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("lsp_transport");
    TCase *tc = tcase_create("transport");
    tcase_add_test(tc, reads_framed_messages);
    tcase_add_test(tc, recovers_from_bad_headers);
    tcase_add_test(tc, eof_inside_a_message_is_an_error);
    tcase_add_test(tc, writes_framed_messages);
    suite_add_tcase(suite, tc);
    return run_suite(suite, true);
}
