/* Translation units analyzed in parallel: each worker takes the next TU, analyzes it into
 * its own TU sink (or replays it from the cache) and merges that into the run sink. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/sink.h"
#include "driver/cache.h"
#include "driver/driver.h"

struct job_queue {
    const struct tu_command_list *commands;
    const struct job_settings *settings;
    struct diag_sink *run;
    unsigned next, done, failed;
    pthread_mutex_t lock;
};

/* Files a TU included, for the cache key. */
struct inclusions {
    unsigned count, capacity;
    char **files;
};

static void remember_inclusion(const char *file, void *data)
{
    struct inclusions *inclusions = data;
    if (inclusions->count == inclusions->capacity) {
        inclusions->capacity = inclusions->capacity ? inclusions->capacity * 2 : 32;
        inclusions->files = realloc(inclusions->files, inclusions->capacity * sizeof(char *));
        if (!inclusions->files)
            abort();
    }
    inclusions->files[inclusions->count++] = strdup(file);
}

static void free_inclusions(struct inclusions *inclusions)
{
    for (unsigned i = 0; i < inclusions->count; i++)
        free(inclusions->files[i]);
    free(inclusions->files);
}

struct tu_input command_input(const struct tu_command *command)
{
    return (struct tu_input){
        .file = command->file,
        .directory = command->directory,
        .argument_count = command->argument_count,
        .arguments = (const char *const *)command->arguments,
    };
}

static void store_in_cache(struct result_cache *cache, const struct tu_input *input,
                           const struct inclusions *inclusions, const struct diag_sink *sink,
                           enum pipeline_status status)
{
    unsigned count = diag_sink_count(sink);
    const struct diagnostic **diags = calloc(count ? count : 1, sizeof *diags);
    if (!diags)
        abort();
    for (unsigned i = 0; i < count; i++)
        diags[i] = diag_sink_at(sink, i);
    result_cache_store(cache, input, (const char *const *)inclusions->files, inclusions->count,
                       diags, count, status);
    free(diags);
}

static enum pipeline_status analyze_one(const struct tu_command *command,
                                        const struct job_settings *settings,
                                        struct diag_sink *sink)
{
    struct tu_input input = command_input(command);
    enum pipeline_status status;
    if (settings->cache && result_cache_replay(settings->cache, &input, sink, &status))
        return status;
    struct pipeline_options options = *settings->pipeline;
    struct inclusions inclusions = {0};
    if (settings->cache) {
        options.on_inclusion = remember_inclusion;
        options.inclusion_data = &inclusions;
    }
    status = pipeline_analyze(&input, &options, sink);
    if (settings->cache) {
        diag_sink_finish(sink);
        store_in_cache(settings->cache, &input, &inclusions, sink, status);
    }
    free_inclusions(&inclusions);
    return status;
}

/* "[3/27] file.c": the TU being started and the total; erased when the run ends. */
static void show_progress(struct job_queue *queue, unsigned index, const char *file)
{
    if (!queue->settings->progress)
        return;
    fprintf(stderr, "\r\033[K[%u/%u] %s", index + 1, queue->commands->count, file);
    fflush(stderr);
}

static void *worker(void *data)
{
    struct job_queue *queue = data;
    for (;;) {
        pthread_mutex_lock(&queue->lock);
        unsigned index = queue->next++;
        if (index < queue->commands->count)
            show_progress(queue, index, queue->commands->items[index].file);
        pthread_mutex_unlock(&queue->lock);
        if (index >= queue->commands->count)
            return NULL;
        const struct tu_command *command = &queue->commands->items[index];
        struct diag_sink *sink = diag_sink_new_tu(queue->run, command->file);
        enum pipeline_status status = analyze_one(command, queue->settings, sink);
        diag_sink_merge(queue->run, sink);
        diag_sink_free(sink);
        pthread_mutex_lock(&queue->lock);
        queue->done++;
        queue->failed += status != PIPELINE_ANALYZED;
        pthread_mutex_unlock(&queue->lock);
    }
}

unsigned jobs_run(const struct tu_command_list *commands, const struct job_settings *settings,
                  struct diag_sink *run)
{
    struct job_queue queue = {.commands = commands, .settings = settings, .run = run};
    pthread_mutex_init(&queue.lock, NULL);
    unsigned thread_count = settings->jobs < commands->count ? settings->jobs : commands->count;
    if (thread_count <= 1) {
        worker(&queue);
    } else {
        pthread_t *threads = calloc(thread_count, sizeof *threads);
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setstacksize(&attributes, 16u << 20); /* clang recurses deeply */
        unsigned started = 0;
        for (; threads && started < thread_count; started++)
            if (pthread_create(&threads[started], &attributes, worker, &queue) != 0)
                break;
        pthread_attr_destroy(&attributes);
        if (started == 0)
            worker(&queue); /* no thread could start: do it all here */
        for (unsigned i = 0; i < started; i++)
            pthread_join(threads[i], NULL);
        free(threads);
    }
    if (settings->progress)
        fputs("\r\033[K", stderr);
    pthread_mutex_destroy(&queue.lock);
    return queue.failed;
}
