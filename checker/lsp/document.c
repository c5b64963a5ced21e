#include "lsp/document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void documents_init(struct document_store *store)
{
    memset(store, 0, sizeof *store);
    pthread_mutex_init(&store->lock, NULL);
    store->encoding = ENCODING_UTF16; /* the LSP default */
}

void document_release(struct document *document)
{
    free(document->uri);
    free(document->path);
    free(document->text);
    memset(document, 0, sizeof *document);
}

void documents_set_encoding(struct document_store *store, enum position_encoding encoding)
{
    pthread_mutex_lock(&store->lock);
    store->encoding = encoding;
    pthread_mutex_unlock(&store->lock);
}

enum position_encoding documents_encoding(struct document_store *store)
{
    pthread_mutex_lock(&store->lock);
    enum position_encoding encoding = store->encoding;
    pthread_mutex_unlock(&store->lock);
    return encoding;
}

void documents_destroy(struct document_store *store)
{
    for (size_t i = 0; i < store->documents.count; i++) {
        document_release(store->documents.items[i]);
        free(store->documents.items[i]);
    }
    vec_free(&store->documents);
    pthread_mutex_destroy(&store->lock);
}

/* Caller holds the lock. The index of the document, or the count when absent. */
static size_t find_index(struct document_store *store, const char *uri)
{
    size_t i = 0;
    while (i < store->documents.count &&
           strcmp(((struct document *)store->documents.items[i])->uri, uri) != 0)
        i++;
    return i;
}

static struct document *find(struct document_store *store, const char *uri)
{
    size_t i = find_index(store, uri);
    return i < store->documents.count ? store->documents.items[i] : NULL;
}

static char *copy_text(const char *text, size_t length)
{
    char *copy = malloc(length + 1);
    if (copy) {
        memcpy(copy, text, length);
        copy[length] = '\0';
    }
    return copy;
}

/* Caller holds the lock. NULL when out of memory. */
static struct document *add_document(struct document_store *store, const char *uri)
{
    struct document *document = calloc(1, sizeof *document);
    if (!document || !(document->uri = strdup(uri))) {
        free(document);
        return NULL;
    }
    document->path = uri_to_path(uri);
    vec_push(&store->documents, document);
    return document;
}

void documents_open(struct document_store *store, const char *uri, const char *text,
                    size_t length, long version, bool is_c)
{
    char *copy = copy_text(text, length);
    if (!copy)
        return;
    pthread_mutex_lock(&store->lock);
    struct document *document = find(store, uri);
    if (!document)
        document = add_document(store, uri);
    if (document) {
        free(document->text);
        document->text = copy;
        document->length = length;
        document->version = version;
        document->is_c = is_c;
    } else {
        free(copy);
    }
    pthread_mutex_unlock(&store->lock);
}

/* Replaces [from, to) of the document's text with replacement. */
static bool splice(struct document *document, size_t from, size_t to, const char *replacement,
                   size_t replacement_length)
{
    size_t length = document->length - (to - from) + replacement_length;
    char *text = malloc(length + 1);
    if (!text)
        return false;
    memcpy(text, document->text, from);
    memcpy(text + from, replacement, replacement_length);
    memcpy(text + from + replacement_length, document->text + to, document->length - to);
    text[length] = '\0';
    free(document->text);
    document->text = text;
    document->length = length;
    return true;
}

static bool read_position(json_t *position, unsigned *line, unsigned *character)
{
    json_t *l = json_object_get(position, "line"), *c = json_object_get(position, "character");
    if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
        json_integer_value(c) < 0)
        return false;
    *line = (unsigned)json_integer_value(l);
    *character = (unsigned)json_integer_value(c);
    return true;
}

static bool apply_change(struct document *document, json_t *change,
                         enum position_encoding encoding)
{
    json_t *text = json_object_get(change, "text");
    if (!json_is_string(text))
        return false;
    const char *replacement = json_string_value(text);
    size_t replacement_length = json_string_length(text);
    json_t *range = json_object_get(change, "range");
    if (!range) /* the whole document */
        return splice(document, 0, document->length, replacement, replacement_length);
    unsigned start_line, start_character, end_line, end_character;
    if (!read_position(json_object_get(range, "start"), &start_line, &start_character) ||
        !read_position(json_object_get(range, "end"), &end_line, &end_character))
        return false;
    size_t from = position_to_offset(document->text, document->length, start_line,
                                     start_character, encoding);
    size_t to = position_to_offset(document->text, document->length, end_line, end_character,
                                   encoding);
    if (to < from)
        return false;
    return splice(document, from, to, replacement, replacement_length);
}

bool documents_change(struct document_store *store, const char *uri, json_t *changes,
                      long version)
{
    if (!json_is_array(changes))
        return false;
    pthread_mutex_lock(&store->lock);
    struct document *document = find(store, uri);
    bool ok = document != NULL;
    size_t i;
    json_t *change;
    json_array_foreach(changes, i, change) {
        if (ok)
            ok = apply_change(document, change, store->encoding);
    }
    if (document)
        document->version = version; /* later edits are relative to this version */
    pthread_mutex_unlock(&store->lock);
    return ok;
}

void documents_close(struct document_store *store, const char *uri)
{
    pthread_mutex_lock(&store->lock);
    size_t i = find_index(store, uri);
    if (i < store->documents.count) {
        document_release(store->documents.items[i]);
        free(store->documents.items[i]);
        store->documents.items[i] = store->documents.items[--store->documents.count];
    }
    pthread_mutex_unlock(&store->lock);
}

bool documents_snapshot(struct document_store *store, const char *uri, struct document *copy)
{
    memset(copy, 0, sizeof *copy);
    pthread_mutex_lock(&store->lock);
    struct document *document = find(store, uri);
    if (document) {
        copy->uri = strdup(document->uri);
        copy->path = document->path ? strdup(document->path) : NULL;
        copy->text = copy_text(document->text, document->length);
        copy->length = document->length;
        copy->version = document->version;
        copy->is_c = document->is_c;
    }
    pthread_mutex_unlock(&store->lock);
    if (document && (!copy->uri || !copy->text)) {
        document_release(copy);
        return false;
    }
    return document != NULL;
}

bool documents_version(struct document_store *store, const char *uri, long *version)
{
    pthread_mutex_lock(&store->lock);
    struct document *document = find(store, uri);
    if (document)
        *version = document->version;
    pthread_mutex_unlock(&store->lock);
    return document != NULL;
}

/* ---- URIs */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *encoded = uri + 7;
    if (*encoded != '/') { /* file://host/path: only localhost is local */
        if (strncmp(encoded, "localhost/", 10) != 0)
            return NULL;
        encoded += 9;
    }
    char *path = malloc(strlen(encoded) + 1), *out = path;
    if (!path)
        return NULL;
    for (const char *in = encoded; *in; in++) {
        int high, low;
        if (*in == '%' && (high = hex_value(in[1])) >= 0 && (low = hex_value(in[2])) >= 0) {
            *out++ = (char)(high * 16 + low);
            in += 2;
        } else {
            *out++ = *in;
        }
    }
    *out = '\0';
    return path;
}

char *path_to_uri(const char *path)
{
    char *uri = malloc(strlen(path) * 3 + 8), *out = uri;
    if (!uri)
        return NULL;
    out += sprintf(out, "file://");
    for (const unsigned char *in = (const unsigned char *)path; *in; in++) {
        if ((*in >= 'a' && *in <= 'z') || (*in >= 'A' && *in <= 'Z') ||
            (*in >= '0' && *in <= '9') || strchr("/-._~+", *in))
            *out++ = (char)*in;
        else
            out += sprintf(out, "%%%02X", *in);
    }
    *out = '\0';
    return uri;
}

/* ---- positions */

static size_t line_start(const char *text, size_t length, unsigned line)
{
    size_t offset = 0;
    while (line > 0 && offset < length) {
        const char *newline = memchr(text + offset, '\n', length - offset);
        if (!newline)
            return length;
        offset = (size_t)(newline - text) + 1;
        line--;
    }
    return offset;
}

/* Bytes of the UTF-8 sequence starting with `lead` (1 for invalid bytes). */
static size_t sequence_length(unsigned char lead)
{
    if (lead >= 0xF0 && lead < 0xF8)
        return 4;
    if (lead >= 0xE0)
        return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0)
        return 2;
    return 1;
}

/* Code units one character takes in the encoding. */
static unsigned units(size_t bytes, enum position_encoding encoding)
{
    switch (encoding) {
    case ENCODING_UTF8: return (unsigned)bytes;
    case ENCODING_UTF32: return 1;
    case ENCODING_UTF16: return bytes == 4 ? 2 : 1;
    }
    return 1;
}

size_t position_to_offset(const char *text, size_t length, unsigned line, unsigned character,
                          enum position_encoding encoding)
{
    size_t offset = line_start(text, length, line);
    unsigned counted = 0;
    while (offset < length && text[offset] != '\n' && counted < character) {
        size_t bytes = sequence_length((unsigned char)text[offset]);
        if (offset + bytes > length)
            bytes = length - offset;
        counted += units(bytes, encoding);
        offset += bytes;
    }
    return offset;
}

unsigned column_to_character(const char *text, size_t length, unsigned line, unsigned column,
                             enum position_encoding encoding)
{
    if (encoding == ENCODING_UTF8 || !text)
        return column;
    size_t offset = line_start(text, length, line), end = offset + column;
    unsigned character = 0;
    while (offset < end && offset < length && text[offset] != '\n') {
        size_t bytes = sequence_length((unsigned char)text[offset]);
        offset += bytes;
        character += units(bytes, encoding);
    }
    if (offset < end) /* past the line's end (e.g. the newline itself) */
        character += (unsigned)(end - offset);
    return character;
}
