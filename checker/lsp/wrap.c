/* --wrap=CLANGD: clangd runs as our child. Every message passes through untouched in both
 * directions, except clangd's publishDiagnostics, which is merged with fearless's
 * (publish.c). When clangd is missing or dies, fearless answers on its own and its
 * diagnostics keep coming. */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lsp/session.h"

extern char **environ;

static void report_clangd_gone(struct session *session, const char *what)
{
    char text[512];
    snprintf(text, sizeof text, "%s; fearless diagnostics continue without clangd's", what);
    session_log("%s", text);
    session_show_message(session, 1, text);
}

/* clangd picks the position encoding: follow it (LSP 3.17 positionEncoding, or clangd's
 * offsetEncoding extension). */
static void note_encoding(struct session *session, json_t *result)
{
    const char *encoding = json_string_value(
        json_object_get(json_object_get(result, "capabilities"), "positionEncoding"));
    if (!encoding)
        encoding = json_string_value(json_object_get(result, "offsetEncoding"));
    if (!encoding || strcmp(encoding, "utf-16") == 0)
        documents_set_encoding(&session->documents, ENCODING_UTF16);
    else if (strcmp(encoding, "utf-8") == 0)
        documents_set_encoding(&session->documents, ENCODING_UTF8);
    else if (strcmp(encoding, "utf-32") == 0)
        documents_set_encoding(&session->documents, ENCODING_UTF32);
}

/* A response from clangd: forget the pending request; learn from initialize's result. */
static void note_response(struct session *session, json_t *message)
{
    json_t *id = json_object_get(message, "id");
    pthread_mutex_lock(&session->clangd.lock);
    size_t i;
    json_t *request;
    json_array_foreach(session->clangd.pending, i, request) {
        if (json_equal(json_object_get(request, "id"), id)) {
            const char *method = json_string_value(json_object_get(request, "method"));
            if (method && strcmp(method, "initialize") == 0)
                note_encoding(session, json_object_get(message, "result"));
            json_array_remove(session->clangd.pending, i);
            break;
        }
    }
    pthread_mutex_unlock(&session->clangd.lock);
}

/* clangd is gone: answer what it left unanswered, so the editor waits for nothing. */
static void answer_pending(struct session *session, json_t *pending)
{
    size_t i;
    json_t *request;
    json_array_foreach(pending, i, request) {
        const char *method = json_string_value(json_object_get(request, "method"));
        json_t *id = json_object_get(request, "id");
        json_t *result = NULL;
        if (method && strcmp(method, "initialize") == 0)
            result = session_initialize_result(session, session->clangd.initialize_params);
        else if (method && strcmp(method, "shutdown") == 0)
            result = json_null();
        if (result) {
            json_t *message = json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id,
                                        "result", result);
            writer_send_json(&session->client, message);
            json_decref(message);
        } else {
            session_send_error(session, id, RPC_REQUEST_FAILED, "clangd is not running");
        }
    }
}

static void describe_exit(const struct session *session, int status, char *text, size_t size)
{
    if (WIFSIGNALED(status))
        snprintf(text, size, "clangd ('%s') crashed (signal %d)", session->clangd.program,
                 WTERMSIG(status));
    else
        snprintf(text, size, "clangd ('%s') exited with status %d", session->clangd.program,
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void clangd_died(struct session *session)
{
    pthread_mutex_lock(&session->clangd.lock);
    session->clangd.alive = false;
    json_t *pending = session->clangd.pending;
    session->clangd.pending = json_array();
    pthread_mutex_unlock(&session->clangd.lock);
    int status = 0;
    while (waitpid(session->clangd.pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!session->shutdown_requested) {
        char text[256];
        describe_exit(session, status, text, sizeof text);
        report_clangd_gone(session, text);
    }
    answer_pending(session, pending);
    json_decref(pending);
    publish_forget_clangd(session);
}

static void *read_clangd(void *argument)
{
    struct session *session = argument;
    struct message_reader reader;
    reader_init(&reader, session->clangd.from_child);
    for (;;) {
        char *body;
        size_t length;
        enum read_status status = reader_next(&reader, &body, &length);
        if (status == READ_EOF || status == READ_ERROR)
            break;
        if (status == READ_BAD_HEADER) {
            session_log("clangd sent a message without a valid Content-Length; skipped");
            continue;
        }
        json_t *message = json_loadb(body, length, 0, NULL);
        const char *method = json_string_value(json_object_get(message, "method"));
        if (method && strcmp(method, "textDocument/publishDiagnostics") == 0) {
            publish_clangd(session, json_object_get(message, "params"));
        } else {
            if (message && !method && json_object_get(message, "id"))
                note_response(session, message);
            writer_send_raw(&session->client, body, length);
        }
        json_decref(message);
        free(body);
    }
    clangd_died(session);
    return NULL;
}

static bool spawn_clangd(struct session *session, int *error)
{
    int to_child[2], from_child[2];
    if (pipe2(to_child, O_CLOEXEC) != 0) {
        *error = errno;
        return false;
    }
    if (pipe2(from_child, O_CLOEXEC) != 0) {
        *error = errno;
        close(to_child[0]);
        close(to_child[1]);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
    *error = posix_spawnp(&session->clangd.pid, session->clangd.program, &actions, NULL,
                          session->clangd.argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(to_child[0]);
    close(from_child[1]);
    if (*error != 0) {
        close(to_child[1]);
        close(from_child[0]);
        return false;
    }
    session->clangd.to_child = to_child[1];
    session->clangd.from_child = from_child[0];
    return true;
}

bool clangd_start(struct session *session)
{
    session->clangd.pending = json_array();
    int error;
    if (!spawn_clangd(session, &error)) {
        char text[512];
        snprintf(text, sizeof text, "cannot start clangd ('%s'): %s", session->clangd.program,
                 strerror(error));
        report_clangd_gone(session, text);
        return false;
    }
    session->clangd.alive = true;
    if (pthread_create(&session->clangd.reader, NULL, read_clangd, session) != 0) {
        session->clangd.alive = false;
        kill(session->clangd.pid, SIGKILL);
        report_clangd_gone(session, "cannot start the thread reading clangd");
        return false;
    }
    session->clangd.reader_started = true;
    return true;
}

bool clangd_forward(struct session *session, json_t *message, const char *body, size_t length)
{
    if (!session->clangd.program)
        return false;
    pthread_mutex_lock(&session->clangd.lock);
    bool alive = session->clangd.alive;
    const char *method = json_string_value(json_object_get(message, "method"));
    json_t *id = json_object_get(message, "id");
    if (alive && method && id) {
        json_array_append_new(session->clangd.pending,
                              json_pack("{s:O, s:s}", "id", id, "method", method));
        if (strcmp(method, "initialize") == 0) {
            json_decref(session->clangd.initialize_params);
            session->clangd.initialize_params = json_incref(json_object_get(message, "params"));
        }
    }
    pthread_mutex_unlock(&session->clangd.lock);
    if (!alive)
        return false;
    /* A failed write means clangd is dying: its reader sees EOF and answers what is
     * pending. */
    struct message_writer writer = {.fd = session->clangd.to_child};
    pthread_mutex_init(&writer.lock, NULL);
    writer_send_raw(&writer, body, length);
    pthread_mutex_destroy(&writer.lock);
    return true;
}

bool clangd_running(struct session *session)
{
    if (!session->clangd.program)
        return false;
    pthread_mutex_lock(&session->clangd.lock);
    bool alive = session->clangd.alive;
    pthread_mutex_unlock(&session->clangd.lock);
    return alive;
}

static bool wait_for_exit(pid_t pid, unsigned milliseconds)
{
    for (unsigned waited = 0; waited < milliseconds; waited += 20) {
        int status;
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid || (done < 0 && errno == ECHILD))
            return true;
        nanosleep(&(struct timespec){0, 20 * 1000000L}, NULL);
    }
    return false;
}

void clangd_stop(struct session *session)
{
    if (!session->clangd.program || !session->clangd.reader_started)
        return;
    pthread_mutex_lock(&session->clangd.lock);
    bool alive = session->clangd.alive;
    pthread_mutex_unlock(&session->clangd.lock);
    close(session->clangd.to_child); /* clangd exits on EOF after "exit" */
    if (alive && !wait_for_exit(session->clangd.pid, 2000)) {
        kill(session->clangd.pid, SIGTERM);
        if (!wait_for_exit(session->clangd.pid, 1000))
            kill(session->clangd.pid, SIGKILL);
    }
    pthread_join(session->clangd.reader, NULL);
    close(session->clangd.from_child);
    json_decref(session->clangd.pending);
    json_decref(session->clangd.initialize_params);
}
