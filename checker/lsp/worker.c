#include "lsp/worker.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lsp/analyze.h"
#include "lsp/session.h"
#include "support/vec.h"

struct job {
    char *uri;
    struct timespec due;
};

struct worker {
    struct session *session;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed; /* on CLOCK_MONOTONIC */
    struct vec jobs; /* struct job * */
    bool stopping, busy;
};

static struct timespec now_plus(unsigned delay_ms)
{
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    time.tv_sec += delay_ms / 1000;
    time.tv_nsec += (long)(delay_ms % 1000) * 1000000L;
    if (time.tv_nsec >= 1000000000L) {
        time.tv_sec++;
        time.tv_nsec -= 1000000000L;
    }
    return time;
}

static bool before(struct timespec a, struct timespec b)
{
    return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

static struct job *job_at(const struct worker *worker, size_t index)
{
    return worker->jobs.items[index];
}

/* Caller holds the lock. Returns the job's uri (the caller frees it). */
static char *remove_job(struct worker *worker, size_t index)
{
    struct job *job = job_at(worker, index);
    char *uri = job->uri;
    free(job);
    worker->jobs.items[index] = worker->jobs.items[--worker->jobs.count];
    return uri;
}

static void analyze_and_publish(struct session *session, const char *uri)
{
    struct document document;
    if (!documents_snapshot(&session->documents, uri, &document))
        return; /* closed meanwhile */
    if (!document.is_c) {
        document_release(&document);
        return;
    }
    json_t *diagnostics = analyze_document(&document, clangd_running(session),
                                           documents_encoding(&session->documents));
    long version;
    /* Stale: the buffer changed (or closed) during the analysis; the edit scheduled a
     * newer one, so this result must not overwrite anything. */
    if (documents_version(&session->documents, uri, &version) && version == document.version)
        publish_fearless(session, uri, diagnostics);
    else
        json_decref(diagnostics);
    document_release(&document);
}

static void *worker_main(void *argument)
{
    struct worker *worker = argument;
    pthread_mutex_lock(&worker->lock);
    while (!worker->stopping) {
        if (worker->jobs.count == 0) {
            pthread_cond_wait(&worker->changed, &worker->lock);
            continue;
        }
        size_t first = 0;
        for (size_t i = 1; i < worker->jobs.count; i++)
            if (before(job_at(worker, i)->due, job_at(worker, first)->due))
                first = i;
        struct timespec due = job_at(worker, first)->due;
        if (before(now_plus(0), due)) {
            pthread_cond_timedwait(&worker->changed, &worker->lock, &due);
            continue; /* the queue may have changed: look again */
        }
        char *uri = remove_job(worker, first);
        worker->busy = true;
        pthread_mutex_unlock(&worker->lock);
        analyze_and_publish(worker->session, uri);
        free(uri);
        pthread_mutex_lock(&worker->lock);
        worker->busy = false;
        pthread_cond_broadcast(&worker->changed); /* worker_stop may be waiting */
    }
    pthread_mutex_unlock(&worker->lock);
    return NULL;
}

struct worker *worker_start(struct session *session)
{
    struct worker *worker = calloc(1, sizeof *worker);
    if (!worker)
        return NULL;
    worker->session = session;
    pthread_mutex_init(&worker->lock, NULL);
    pthread_condattr_t attributes;
    pthread_condattr_init(&attributes);
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC);
    pthread_cond_init(&worker->changed, &attributes);
    pthread_condattr_destroy(&attributes);
    /* libclang recurses deeply on nested code: give the thread a main-thread-sized stack. */
    pthread_attr_t thread_attributes;
    pthread_attr_init(&thread_attributes);
    pthread_attr_setstacksize(&thread_attributes, 8u << 20);
    int failed = pthread_create(&worker->thread, &thread_attributes, worker_main, worker);
    pthread_attr_destroy(&thread_attributes);
    if (failed) {
        free(worker);
        return NULL;
    }
    return worker;
}

/* Caller holds the lock. The job's index, or the count when there is none. */
static size_t find_job(const struct worker *worker, const char *uri)
{
    size_t i = 0;
    while (i < worker->jobs.count && strcmp(job_at(worker, i)->uri, uri) != 0)
        i++;
    return i;
}

void worker_schedule(struct worker *worker, const char *uri, unsigned delay_ms)
{
    pthread_mutex_lock(&worker->lock);
    size_t i = find_job(worker, uri);
    if (i < worker->jobs.count) {
        job_at(worker, i)->due = now_plus(delay_ms);
    } else {
        struct job *job = calloc(1, sizeof *job);
        if (job && (job->uri = strdup(uri))) {
            job->due = now_plus(delay_ms);
            vec_push(&worker->jobs, job);
        } else {
            free(job);
        }
    }
    pthread_cond_signal(&worker->changed);
    pthread_mutex_unlock(&worker->lock);
}

void worker_cancel(struct worker *worker, const char *uri)
{
    pthread_mutex_lock(&worker->lock);
    size_t i = find_job(worker, uri);
    if (i < worker->jobs.count)
        free(remove_job(worker, i));
    pthread_mutex_unlock(&worker->lock);
}

bool worker_stop(struct worker *worker)
{
    pthread_mutex_lock(&worker->lock);
    worker->stopping = true;
    pthread_cond_broadcast(&worker->changed);
    /* Give a running analysis a moment to finish: a clean exit beats an abrupt one. */
    struct timespec deadline = now_plus(2000);
    while (worker->busy &&
           pthread_cond_timedwait(&worker->changed, &worker->lock, &deadline) != ETIMEDOUT)
        ;
    bool busy = worker->busy;
    pthread_mutex_unlock(&worker->lock);
    if (busy)
        return false;
    pthread_join(worker->thread, NULL);
    while (worker->jobs.count > 0)
        free(remove_job(worker, 0));
    vec_free(&worker->jobs);
    pthread_cond_destroy(&worker->changed);
    pthread_mutex_destroy(&worker->lock);
    free(worker);
    return true;
}
