/* The result cache. One JSON entry per translation unit, named by the hash of what the TU
 * is before preprocessing (checker version, options, file, directory, flags, contents).
 * The entry lists every file the TU included with the hash of its contents; a replay
 * checks them all, so editing a header invalidates each TU that includes it. */
#include "driver/cache.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <clang-c/Index.h>

#include "diag/diag.h"
#include "diag/sink.h"
#include "driver/sha256.h"
#include "support/hashmap.h"

#ifndef FEARLESS_VERSION
#define FEARLESS_VERSION "unknown"
#endif

/* Bump when the entry layout changes. */
#define ENTRY_FORMAT 1

/* Hash of one included file's contents, memoized for the run: many TUs share headers. */
struct content_hash {
    char *path;
    char hex[65];
    bool readable;
};

struct result_cache {
    char *directory;
    char *options;
    char checker[65]; /* identity of this build of the checker (see checker_identity) */
    pthread_mutex_t lock; /* guards hashes */
    struct hashmap hashes; /* path -> struct content_hash * */
};

/* ---- hashing */

static char *read_whole_file(const char *path, size_t *size)
{
    FILE *file = fopen(path, "rb");
    if (!file)
        return NULL;
    size_t length = 0, capacity = 8192;
    char *data = malloc(capacity);
    while (data) {
        size_t got = fread(data + length, 1, capacity - length, file);
        length += got;
        if (length < capacity)
            break;
        char *grown = realloc(data, capacity *= 2);
        if (!grown) {
            free(data);
            data = NULL;
        }
        data = grown;
    }
    bool failed = ferror(file);
    fclose(file);
    if (failed) {
        free(data);
        return NULL;
    }
    *size = length;
    return data;
}

static bool hash_file(const char *path, char hex[65])
{
    size_t size;
    char *data = read_whole_file(path, &size);
    if (!data)
        return false;
    struct sha256 hash;
    sha256_init(&hash);
    sha256_update(&hash, data, size);
    sha256_final_hex(&hash, hex);
    free(data);
    return true;
}

/* Memoized content hash of an included file; false when it cannot be read. */
static bool included_hash(struct result_cache *cache, const char *path, char hex[65])
{
    pthread_mutex_lock(&cache->lock);
    const struct content_hash *known = strmap_get(&cache->hashes, path);
    bool readable = known && known->readable;
    if (known)
        memcpy(hex, known->hex, 65);
    pthread_mutex_unlock(&cache->lock);
    if (known)
        return readable;
    /* Hash outside the lock: workers hash different headers in parallel. */
    struct content_hash *entry = calloc(1, sizeof *entry);
    if (!entry || !(entry->path = strdup(path))) {
        free(entry);
        return false;
    }
    entry->readable = readable = hash_file(path, entry->hex);
    memcpy(hex, entry->hex, 65);
    pthread_mutex_lock(&cache->lock);
    if (strmap_get(&cache->hashes, path)) { /* another worker was faster */
        free(entry->path);
        free(entry);
    } else {
        strmap_put(&cache->hashes, entry->path, entry);
    }
    pthread_mutex_unlock(&cache->lock);
    return readable;
}

static void hash_field(struct sha256 *hash, const char *text)
{
    text = text ? text : "";
    sha256_update(hash, text, strlen(text) + 1); /* the NUL separates fields */
}

/* Key of the TU before preprocessing; false when its source cannot be read. */
static bool tu_key(const struct result_cache *cache, const struct tu_input *input,
                   char key[65])
{
    struct sha256 hash;
    sha256_init(&hash);
    hash_field(&hash, "fearless result cache");
    hash_field(&hash, cache->checker);
    hash_field(&hash, cache->options);
    hash_field(&hash, input->file);
    hash_field(&hash, input->directory);
    for (int i = 0; i < input->argument_count; i++)
        hash_field(&hash, input->arguments[i]);
    if (input->unsaved_contents) {
        sha256_update(&hash, input->unsaved_contents, input->unsaved_length);
    } else {
        size_t size;
        char *data = read_whole_file(input->file, &size);
        if (!data)
            return false;
        sha256_update(&hash, data, size);
        free(data);
    }
    sha256_final_hex(&hash, key);
    return true;
}

static char *entry_path(const struct result_cache *cache, const char key[65])
{
    size_t size = strlen(cache->directory) + 80;
    char *path = malloc(size);
    if (path)
        snprintf(path, size, "%s/%.2s/%s.json", cache->directory, key, key + 2);
    return path;
}

/* ---- open / close */

/* The version number alone would replay stale results across rebuilds of the same version
 * (a developer's new check): the key also holds the executable's own contents and
 * libclang's version. */
static void checker_identity(char out[65])
{
    struct sha256 hash;
    sha256_init(&hash);
    hash_field(&hash, FEARLESS_VERSION);
    CXString clang = clang_getClangVersion();
    hash_field(&hash, clang_getCString(clang));
    clang_disposeString(clang);
    size_t size;
    char *executable = read_whole_file("/proc/self/exe", &size);
    if (executable)
        sha256_update(&hash, executable, size);
    free(executable);
    sha256_final_hex(&hash, out);
}

static bool make_directory(const char *path)
{
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

struct result_cache *result_cache_open(const char *directory, char **error)
{
    if (!make_directory(directory)) {
        size_t size = strlen(directory) + 128;
        *error = malloc(size);
        if (*error)
            snprintf(*error, size, "--cache-dir %s: cannot create it: %s", directory,
                     strerror(errno));
        return NULL;
    }
    struct result_cache *cache = calloc(1, sizeof *cache);
    if (!cache) {
        *error = strdup("--cache-dir: out of memory");
        return NULL;
    }
    pthread_mutex_init(&cache->lock, NULL);
    hashmap_init(&cache->hashes);
    if (!(cache->directory = strdup(directory)) || !(cache->options = strdup(""))) {
        result_cache_close(cache);
        *error = strdup("--cache-dir: out of memory");
        return NULL;
    }
    checker_identity(cache->checker);
    return cache;
}

void result_cache_set_options(struct result_cache *cache, const char *options)
{
    char *copy = strdup(options ? options : "");
    if (copy) {
        free(cache->options);
        cache->options = copy;
    }
}

void result_cache_close(struct result_cache *cache)
{
    if (!cache)
        return;
    for (size_t i = 0; i < cache->hashes.capacity; i++) {
        struct content_hash *entry = cache->hashes.entries[i].value;
        if (cache->hashes.entries[i].hash != 0 && entry) {
            free(entry->path);
            free(entry);
        }
    }
    hashmap_destroy(&cache->hashes);
    free(cache->directory);
    free(cache->options);
    pthread_mutex_destroy(&cache->lock);
    free(cache);
}

/* ---- replay */

/* File names go through the sink's interning: diag.h compares them by pointer. */
static const char *intern(struct diag_sink *sink, json_t *name)
{
    return json_is_string(name) ? diag_sink_intern(sink, json_string_value(name)) : NULL;
}

static struct source_range range_from_json(struct diag_sink *sink, json_t *object)
{
    struct source_range range = {0};
    range.begin.file = intern(sink, json_object_get(object, "file"));
    range.begin.line = (unsigned)json_integer_value(json_object_get(object, "line"));
    range.begin.column = (unsigned)json_integer_value(json_object_get(object, "column"));
    range.end.file = intern(sink, json_object_get(object, "end_file"));
    range.end.line = (unsigned)json_integer_value(json_object_get(object, "end_line"));
    range.end.column = (unsigned)json_integer_value(json_object_get(object, "end_column"));
    return range;
}

static bool includes_unchanged(struct result_cache *cache, json_t *includes)
{
    size_t i;
    json_t *include;
    if (!json_is_array(includes))
        return false;
    json_array_foreach(includes, i, include) {
        const char *path = json_string_value(json_object_get(include, "path"));
        const char *stored = json_string_value(json_object_get(include, "sha256"));
        char current[65];
        if (!path || !stored || !included_hash(cache, path, current) ||
            strcmp(current, stored) != 0)
            return false;
    }
    return true;
}

static bool valid_diagnostic(json_t *object)
{
    json_t *severity = json_object_get(object, "severity");
    return json_is_string(json_object_get(object, "check")) &&
           json_is_string(json_object_get(object, "message")) && json_is_integer(severity) &&
           json_integer_value(severity) >= SEVERITY_NOTE &&
           json_integer_value(severity) <= SEVERITY_ERROR;
}

static void replay_diagnostic(json_t *object, struct diag_sink *sink)
{
    enum severity severity =
        (enum severity)json_integer_value(json_object_get(object, "severity"));
    const char *message = json_string_value(json_object_get(object, "message"));
    struct diagnostic *diag = diag_new(json_string_value(json_object_get(object, "check")),
                                       severity, range_from_json(sink, object), "%s", message);
    size_t i;
    json_t *note;
    json_array_foreach(json_object_get(object, "notes"), i, note) {
        const char *text = json_string_value(json_object_get(note, "message"));
        diag_add_note(diag, range_from_json(sink, note), "%s", text ? text : "");
    }
    diag_report(sink, diag);
}

bool result_cache_replay(struct result_cache *cache, const struct tu_input *input,
                         struct diag_sink *sink, enum pipeline_status *status)
{
    char key[65];
    if (!cache || !tu_key(cache, input, key))
        return false;
    char *path = entry_path(cache, key);
    json_t *entry = path ? json_load_file(path, 0, NULL) : NULL;
    free(path);
    if (!entry)
        return false;
    json_t *diagnostics = json_object_get(entry, "diagnostics");
    bool hit = json_integer_value(json_object_get(entry, "format")) == ENTRY_FORMAT &&
               json_is_array(diagnostics) &&
               includes_unchanged(cache, json_object_get(entry, "includes"));
    size_t i;
    json_t *object;
    json_array_foreach(diagnostics, i, object) hit = hit && valid_diagnostic(object);
    if (hit) {
        json_array_foreach(diagnostics, i, object) replay_diagnostic(object, sink);
        *status = (enum pipeline_status)json_integer_value(json_object_get(entry, "status"));
    }
    json_decref(entry);
    return hit;
}

/* ---- store */

static void range_to_json(json_t *object, const struct source_range *range)
{
    json_object_set_new(object, "file", range->begin.file ? json_string(range->begin.file)
                                                          : json_null());
    json_object_set_new(object, "line", json_integer(range->begin.line));
    json_object_set_new(object, "column", json_integer(range->begin.column));
    if (range->end.file) {
        json_object_set_new(object, "end_file", json_string(range->end.file));
        json_object_set_new(object, "end_line", json_integer(range->end.line));
        json_object_set_new(object, "end_column", json_integer(range->end.column));
    }
}

static json_t *diagnostic_to_json(const struct diagnostic *diag)
{
    json_t *object = json_object();
    json_object_set_new(object, "check", json_string(diag->check));
    json_object_set_new(object, "severity", json_integer(diag->severity));
    json_object_set_new(object, "message", json_string(diag->message));
    range_to_json(object, &diag->range);
    json_t *notes = json_array();
    for (unsigned i = 0; i < diag->note_count; i++) {
        json_t *note = json_object();
        range_to_json(note, &diag->notes[i].range);
        json_object_set_new(note, "message", json_string(diag->notes[i].message));
        json_array_append_new(notes, note);
    }
    json_object_set_new(object, "notes", notes);
    return object;
}

/* Null when an included file cannot be read: such a TU is not cached. */
static json_t *includes_to_json(struct result_cache *cache, const char *const *files,
                                unsigned count)
{
    json_t *includes = json_array();
    for (unsigned i = 0; i < count; i++) {
        char hex[65];
        if (!included_hash(cache, files[i], hex)) {
            json_decref(includes);
            return NULL;
        }
        json_t *include = json_object();
        json_object_set_new(include, "path", json_string(files[i]));
        json_object_set_new(include, "sha256", json_string(hex));
        json_array_append_new(includes, include);
    }
    return includes;
}

/* Write to a temporary name, then rename: a reader never sees half an entry, and two
 * runs storing the same key at once each leave a whole one. */
static void write_entry(const char *path, json_t *entry)
{
    char *slash = strrchr(path, '/');
    char *folder = strndup(path, (size_t)(slash - path));
    if (!folder || !make_directory(folder)) {
        free(folder);
        return;
    }
    free(folder);
    size_t size = strlen(path) + 32;
    char *temporary = malloc(size);
    if (!temporary)
        return;
    snprintf(temporary, size, "%s.%ld.tmp", path, (long)getpid() ^ (long)pthread_self());
    if (json_dump_file(entry, temporary, JSON_COMPACT) == 0 && rename(temporary, path) == 0) {
        free(temporary);
        return;
    }
    unlink(temporary);
    free(temporary);
}

void result_cache_store(struct result_cache *cache, const struct tu_input *input,
                        const char *const *included_files, unsigned included_count,
                        const struct diagnostic *const *diags, unsigned diag_count,
                        enum pipeline_status status)
{
    char key[65];
    /* Only clean analyses: for a TU with compile errors the list of included files may be
     * incomplete (a missing header is no dependency yet), and fixing a header must not
     * replay the old errors. Such TUs are rare and simply analyzed again. */
    if (!cache || status != PIPELINE_ANALYZED || !tu_key(cache, input, key))
        return;
    json_t *includes = includes_to_json(cache, included_files, included_count);
    if (!includes)
        return;
    json_t *entry = json_object();
    json_object_set_new(entry, "format", json_integer(ENTRY_FORMAT));
    json_object_set_new(entry, "file", json_string(input->file));
    json_object_set_new(entry, "status", json_integer(status));
    json_object_set_new(entry, "includes", includes);
    json_t *diagnostics = json_array();
    for (unsigned i = 0; i < diag_count; i++)
        json_array_append_new(diagnostics, diagnostic_to_json(diags[i]));
    json_object_set_new(entry, "diagnostics", diagnostics);
    char *path = entry_path(cache, key);
    if (path)
        write_entry(path, entry);
    free(path);
    json_decref(entry);
}
