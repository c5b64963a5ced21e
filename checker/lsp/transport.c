#include "lsp/transport.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* A header block longer than this is garbage, not a header. */
#define MAX_HEADER 8192
/* Refuse absurd lengths instead of trying to allocate them. */
#define MAX_CONTENT (256u * 1024 * 1024)

void reader_init(struct message_reader *reader, int fd)
{
    reader->fd = fd;
    reader->start = reader->end = 0;
    reader->resync = false;
}

/* Refill: 1 read, 0 EOF, -1 error. */
static int fill(struct message_reader *reader)
{
    if (reader->start > 0) {
        memmove(reader->buffer, reader->buffer + reader->start, reader->end - reader->start);
        reader->end -= reader->start;
        reader->start = 0;
    }
    if (reader->end == sizeof reader->buffer)
        return 1; /* full: the caller consumes what is there */
    for (;;) {
        ssize_t got = read(reader->fd, reader->buffer + reader->end,
                           sizeof reader->buffer - reader->end);
        if (got > 0) {
            reader->end += (size_t)got;
            return 1;
        }
        if (got == 0)
            return 0;
        if (errno != EINTR)
            return -1;
    }
}

/* Finds "\r\n\r\n" (or "\n\n" from sloppy clients) in the buffer; returns the length of
 * the header block including the terminator, or 0. */
static size_t header_end(const struct message_reader *reader)
{
    const char *data = reader->buffer + reader->start;
    size_t size = reader->end - reader->start;
    for (size_t i = 0; i + 1 < size; i++) {
        if (data[i] == '\n' && data[i + 1] == '\n')
            return i + 2;
        if (i + 3 < size && memcmp(data + i, "\r\n\r\n", 4) == 0)
            return i + 4;
    }
    return 0;
}

/* -1 when the block has no valid Content-Length. */
static long content_length(const char *header, size_t size)
{
    long length = -1;
    const char *line = header;
    while (line < header + size) {
        const char *newline = memchr(line, '\n', (size_t)(header + size - line));
        if (!newline)
            break;
        if (strncasecmp(line, "Content-Length:", 15) == 0) {
            char *end;
            errno = 0;
            long value = strtol(line + 15, &end, 10);
            while (*end == ' ' || *end == '\r')
                end++;
            if (errno == 0 && end == newline && value >= 0 && value <= (long)MAX_CONTENT)
                length = value;
        }
        line = newline + 1;
    }
    return length;
}

/* After a bad header, the bytes up to the next "Content-Length:" are the rest of the bad
 * message: drop them. False when the buffer holds no such header yet. */
static bool skip_to_next_header(struct message_reader *reader)
{
    static const char NAME[] = "content-length:";
    for (size_t i = reader->start; i + sizeof NAME - 1 <= reader->end; i++) {
        if (strncasecmp(reader->buffer + i, NAME, sizeof NAME - 1) == 0) {
            reader->start = i;
            return true;
        }
    }
    /* Keep a possible partial name at the end for the next fill. */
    if (reader->end - reader->start > sizeof NAME)
        reader->start = reader->end - sizeof NAME;
    return false;
}

static enum read_status read_header(struct message_reader *reader, size_t *header_size)
{
    while (reader->resync) {
        if (skip_to_next_header(reader)) {
            reader->resync = false;
            break;
        }
        int got = fill(reader);
        if (got <= 0)
            return got == 0 ? READ_EOF : READ_ERROR;
    }
    for (;;) {
        size_t size = header_end(reader);
        if (size > 0) {
            *header_size = size;
            return READ_OK;
        }
        if (reader->end - reader->start > MAX_HEADER) {
            reader->resync = true;
            return READ_BAD_HEADER;
        }
        int got = fill(reader);
        if (got == 0)
            return reader->end == reader->start ? READ_EOF : READ_ERROR;
        if (got < 0)
            return READ_ERROR;
    }
}

static enum read_status read_body(struct message_reader *reader, size_t length, char **body)
{
    char *copy = malloc(length + 1);
    if (!copy)
        return READ_ERROR;
    size_t have = 0;
    while (have < length) {
        if (reader->start == reader->end) {
            int got = fill(reader);
            if (got <= 0) {
                free(copy);
                return READ_ERROR;
            }
        }
        size_t available = reader->end - reader->start;
        size_t take = available < length - have ? available : length - have;
        memcpy(copy + have, reader->buffer + reader->start, take);
        reader->start += take;
        have += take;
    }
    copy[length] = '\0';
    *body = copy;
    return READ_OK;
}

enum read_status reader_next(struct message_reader *reader, char **body, size_t *length)
{
    size_t header_size;
    enum read_status status = read_header(reader, &header_size);
    if (status != READ_OK)
        return status;
    long content = content_length(reader->buffer + reader->start, header_size);
    reader->start += header_size;
    if (content < 0) {
        reader->resync = true;
        return READ_BAD_HEADER;
    }
    *length = (size_t)content;
    return read_body(reader, (size_t)content, body);
}

void writer_init(struct message_writer *writer, int fd)
{
    writer->fd = fd;
    writer->broken = 0;
    pthread_mutex_init(&writer->lock, NULL);
}

static int write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t put = write(fd, data, size);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return -1;
        data += put;
        size -= (size_t)put;
    }
    return 0;
}

int writer_send_raw(struct message_writer *writer, const char *body, size_t length)
{
    char header[64];
    int header_size = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", length);
    pthread_mutex_lock(&writer->lock);
    if (!writer->broken && (write_all(writer->fd, header, (size_t)header_size) != 0 ||
                            write_all(writer->fd, body, length) != 0))
        writer->broken = 1;
    int result = writer->broken ? -1 : 0;
    pthread_mutex_unlock(&writer->lock);
    return result;
}

int writer_send_json(struct message_writer *writer, json_t *message)
{
    char *body = json_dumps(message, JSON_COMPACT);
    if (!body)
        return -1;
    int result = writer_send_raw(writer, body, strlen(body));
    free(body);
    return result;
}
