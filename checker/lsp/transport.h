/* LSP base protocol: "Content-Length: N\r\n\r\n" + N bytes of JSON. */
#ifndef FEARLESS_LSP_TRANSPORT_H
#define FEARLESS_LSP_TRANSPORT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

enum read_status {
    READ_OK,
    READ_EOF,        /* the peer closed the stream between messages */
    READ_BAD_HEADER, /* no usable Content-Length: the header block was skipped */
    READ_ERROR       /* I/O error or EOF in the middle of a message */
};

/* Buffered reader over a file descriptor. */
struct message_reader {
    int fd;
    char buffer[65536];
    size_t start, end;
    bool resync; /* after a bad header: skip to the next "Content-Length:" */
};

void reader_init(struct message_reader *reader, int fd);
/* On READ_OK, *body is a malloc'd NUL-terminated copy of the content, *length its size. */
enum read_status reader_next(struct message_reader *reader, char **body, size_t *length);

/* A writer shared by threads: each message goes out whole. */
struct message_writer {
    int fd;
    pthread_mutex_t lock;
    int broken; /* set after a failed write (peer gone): later writes are dropped */
};

void writer_init(struct message_writer *writer, int fd);
/* Returns 0, or -1 when the peer is gone. */
int writer_send_raw(struct message_writer *writer, const char *body, size_t length);
int writer_send_json(struct message_writer *writer, json_t *message); /* does not steal */

#endif
