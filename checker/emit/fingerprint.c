#include <limits.h>
#include <stdbool.h>
#include <pthread.h>
#include <string.h>

#include "diag/source.h"
#include "driver/sha256.h"
#include "emit/fingerprint.h"
#include "emit/paths.h"

static struct source_files *disk_sources;
static pthread_once_t disk_sources_once = PTHREAD_ONCE_INIT;

static void create_disk_sources(void)
{
    disk_sources = source_files_new();
}

/* Hashes the line with leading/trailing whitespace dropped and inner runs made one space,
 * so re-indenting does not change the fingerprint. */
static void hash_normalized_line(struct sha256 *hash, const struct source_line *line)
{
    bool pending_space = false, started = false;
    for (size_t i = 0; line && i < line->length; i++) {
        char c = line->text[i];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            pending_space = started;
            continue;
        }
        if (pending_space)
            sha256_update(hash, " ", 1);
        sha256_update(hash, &c, 1);
        pending_space = false;
        started = true;
    }
}

static void hash_field(struct sha256 *hash, const char *text)
{
    sha256_update(hash, text, strlen(text) + 1); /* the NUL separates fields */
}

void diagnostic_fingerprint_in(const struct diagnostic *diag, struct source_files *sources,
                               char out[65])
{
    struct sha256 hash;
    sha256_init(&hash);
    hash_field(&hash, diag->check);
    const char *file = diag->range.begin.file;
    char relative[PATH_MAX];
    if (file)
        emit_relative_path(file, relative, sizeof relative);
    hash_field(&hash, file ? relative : "");
    if (file)
        hash_normalized_line(&hash, source_files_line(sources, file, diag->range.begin.line));
    sha256_update(&hash, "", 1);
    hash_field(&hash, diag->message);
    sha256_final_hex(&hash, out);
}

void diagnostic_fingerprint(const struct diagnostic *diag, char out[65])
{
    pthread_once(&disk_sources_once, create_disk_sources);
    diagnostic_fingerprint_in(diag, disk_sources, out);
}
