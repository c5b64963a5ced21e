/* Open documents: the editor's buffers, by URI, with their versions. Thread-safe: the
 * reader loop edits them while the analysis worker takes snapshots. */
#ifndef FEARLESS_LSP_DOCUMENT_H
#define FEARLESS_LSP_DOCUMENT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "support/vec.h"

/* How LSP positions count characters within a line (negotiated at initialize). */
enum position_encoding { ENCODING_UTF16, ENCODING_UTF8, ENCODING_UTF32 };

struct document {
    char *uri;
    char *path; /* local file path from the file:// URI, NULL for other schemes */
    char *text;
    size_t length;
    long version;
    bool is_c; /* languageId "c" (or none given): the only language fearless analyzes */
};

struct document_store {
    pthread_mutex_t lock;
    struct vec documents; /* struct document * */
    enum position_encoding encoding;
};

void documents_init(struct document_store *store);
void documents_destroy(struct document_store *store);
void documents_open(struct document_store *store, const char *uri, const char *text,
                    size_t length, long version, bool is_c);
/* Applies textDocument/didChange contentChanges (whole text or ranges). False when the
 * document is not open or a change is malformed (the document keeps its last good text). */
bool documents_change(struct document_store *store, const char *uri, json_t *changes,
                      long version);
void documents_close(struct document_store *store, const char *uri);
/* A copy of the document (free with document_release); false when not open. */
bool documents_snapshot(struct document_store *store, const char *uri, struct document *copy);
/* Current version; false when not open. */
bool documents_version(struct document_store *store, const char *uri, long *version);
void document_release(struct document *document);
/* The position encoding (negotiated by the reader thread, read by the worker). */
void documents_set_encoding(struct document_store *store, enum position_encoding encoding);
enum position_encoding documents_encoding(struct document_store *store);

/* file:///a%20b/c.c -> /a b/c.c (malloc'd); NULL for anything but a local file URI. */
char *uri_to_path(const char *uri);
/* /a b/c.c -> file:///a%20b/c.c (malloc'd). */
char *path_to_uri(const char *path);

/* Byte offset of an LSP position (line and character, 0-based) in text; clamped to the
 * line's end and the text's end, like editors do. */
size_t position_to_offset(const char *text, size_t length, unsigned line, unsigned character,
                          enum position_encoding encoding);
/* LSP character of the byte `column` (0-based) in 0-based `line` of text. */
unsigned column_to_character(const char *text, size_t length, unsigned line, unsigned column,
                             enum position_encoding encoding);

#endif
