#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/source.h"
#include "diag/strtab.h"
#include "support/memory.h"

struct source_file {
    char *text;
    unsigned line_count;
    struct source_line *lines;
};

struct source_files {
    pthread_mutex_t lock;
    struct strtab *by_name; /* file -> struct source_file */
};

static void release_file(void *value)
{
    struct source_file *file = value;
    free(file->text);
    free(file->lines);
    free(file);
}

struct source_files *source_files_new(void)
{
    struct source_files *files = checked_alloc(calloc(1, sizeof *files));
    pthread_mutex_init(&files->lock, NULL);
    files->by_name = strtab_new();
    return files;
}

void source_files_free(struct source_files *files)
{
    if (!files)
        return;
    strtab_free(files->by_name, release_file);
    pthread_mutex_destroy(&files->lock);
    free(files);
}

/* Splits at \n, \r\n and lone \r, like clang counts lines. */
static void split_lines(struct source_file *file, size_t length)
{
    size_t capacity = 64;
    file->lines = checked_alloc(malloc(capacity * sizeof *file->lines));
    size_t start = 0;
    for (size_t i = 0; i <= length; i++) {
        bool end = i == length;
        if (!end && file->text[i] != '\n' && file->text[i] != '\r')
            continue;
        if (end && start == length)
            break; /* no empty line after a final line break */
        if (file->line_count == capacity) {
            capacity *= 2;
            file->lines = checked_alloc(realloc(file->lines, capacity * sizeof *file->lines));
        }
        file->lines[file->line_count++] = (struct source_line){file->text + start, i - start};
        if (!end && file->text[i] == '\r' && i + 1 < length && file->text[i + 1] == '\n')
            i++;
        start = i + 1;
    }
}

static struct source_file *file_from_text(const char *text, size_t length)
{
    struct source_file *file = checked_alloc(calloc(1, sizeof *file));
    file->text = checked_alloc(malloc(length + 1));
    memcpy(file->text, text, length);
    file->text[length] = '\0';
    split_lines(file, length);
    return file;
}

static struct source_file *file_from_disk(const char *path)
{
    FILE *stream = fopen(path, "rb");
    if (!stream)
        return file_from_text("", 0);
    size_t capacity = 4096, length = 0;
    char *text = checked_alloc(malloc(capacity));
    size_t got;
    while ((got = fread(text + length, 1, capacity - length, stream)) > 0) {
        length += got;
        if (length == capacity)
            text = checked_alloc(realloc(text, capacity *= 2));
    }
    fclose(stream);
    struct source_file *file = file_from_text(text, length);
    free(text);
    return file;
}

void source_files_set(struct source_files *files, const char *file, const char *text,
                      size_t length)
{
    pthread_mutex_lock(&files->lock);
    struct source_file *previous = strtab_put(files->by_name, file, file_from_text(text, length));
    pthread_mutex_unlock(&files->lock);
    if (previous)
        release_file(previous);
}

const struct source_line *source_files_lines(struct source_files *files, const char *file,
                                             unsigned *count)
{
    pthread_mutex_lock(&files->lock);
    struct source_file *entry = strtab_get(files->by_name, file);
    if (!entry) {
        entry = file_from_disk(file);
        strtab_put(files->by_name, file, entry);
    }
    pthread_mutex_unlock(&files->lock);
    *count = entry->line_count;
    return entry->lines;
}

const struct source_line *source_files_line(struct source_files *files, const char *file,
                                            unsigned line)
{
    unsigned count;
    const struct source_line *lines = source_files_lines(files, file, &count);
    return line >= 1 && line <= count ? &lines[line - 1] : NULL;
}
