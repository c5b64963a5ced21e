/* The reader loop: reads the editor's messages, keeps the documents, schedules analyses,
 * answers what fearless answers itself, and (with --wrap) hands everything to clangd. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp/lsp.h"
#include "lsp/session.h"
#include "lsp/worker.h"

#ifndef FEARLESS_VERSION
#define FEARLESS_VERSION "unknown"
#endif

#define DEFAULT_DEBOUNCE_MS 300

void session_log(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char line[1024];
    vsnprintf(line, sizeof line, format, args);
    va_end(args);
    fprintf(stderr, "fearless lsp: %s\n", line);
}

/* window/showMessage: type 1 error, 2 warning, 3 info. */
void session_show_message(struct session *session, int type, const char *text)
{
    json_t *message = json_pack("{s:s, s:s, s:{s:i, s:s}}", "jsonrpc", "2.0", "method",
                                "window/showMessage", "params", "type", type, "message", text);
    if (message)
        writer_send_json(&session->client, message);
    json_decref(message);
}

static void send_result(struct session *session, json_t *id, json_t *result)
{
    json_t *message = json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id, "result",
                                result ? result : json_null());
    if (message)
        writer_send_json(&session->client, message);
    json_decref(message);
}

void session_send_error(struct session *session, json_t *id, int code, const char *text)
{
    json_t *message = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id",
                                id ? id : json_null(), "error", "code", code, "message", text);
    if (message)
        writer_send_json(&session->client, message);
    json_decref(message);
}

/* Picks UTF-8 positions when the client offers them (LSP 3.17 positionEncodings, or
 * clangd's offsetEncoding extension that Neovim sends), else the default UTF-16. */
static void negotiate_encoding(struct session *session, json_t *params, json_t *result)
{
    json_t *capabilities = json_object_get(params, "capabilities");
    json_t *standard = json_object_get(json_object_get(capabilities, "general"),
                                       "positionEncodings");
    json_t *extension = json_object_get(capabilities, "offsetEncoding");
    size_t i;
    json_t *value;
    json_array_foreach(standard, i, value) {
        if (json_is_string(value) && strcmp(json_string_value(value), "utf-8") == 0) {
            documents_set_encoding(&session->documents, ENCODING_UTF8);
            json_object_set_new(json_object_get(result, "capabilities"), "positionEncoding",
                                json_string("utf-8"));
            return;
        }
    }
    json_array_foreach(extension, i, value) {
        if (json_is_string(value) && strcmp(json_string_value(value), "utf-8") == 0) {
            documents_set_encoding(&session->documents, ENCODING_UTF8);
            json_object_set_new(result, "offsetEncoding", json_string("utf-8"));
            return;
        }
    }
}

json_t *session_initialize_result(struct session *session, json_t *params)
{
    json_t *result = json_pack(
        "{s:{s:{s:b, s:i, s:{s:b}}}, s:{s:s, s:s}}", "capabilities", "textDocumentSync",
        "openClose", 1, "change", 2 /* incremental */, "save", "includeText", 0, "serverInfo",
        "name", "fearless", "version", FEARLESS_VERSION);
    if (result)
        negotiate_encoding(session, params, result);
    return result;
}

/* ---- documents */

static const char *document_uri(json_t *params)
{
    return json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
}

static void did_open(struct session *session, json_t *params)
{
    json_t *document = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(document, "uri"));
    json_t *text = json_object_get(document, "text");
    if (!uri || !json_is_string(text)) {
        session_log("didOpen without textDocument.uri or text; ignored");
        return;
    }
    long version = (long)json_integer_value(json_object_get(document, "version"));
    /* C only: with --wrap, C++ and Objective-C buffers are clangd's alone. */
    const char *language = json_string_value(json_object_get(document, "languageId"));
    bool is_c = !language || strcmp(language, "c") == 0;
    documents_open(&session->documents, uri, json_string_value(text), json_string_length(text),
                   version, is_c);
    worker_schedule(session->worker, uri, 0);
}

static void did_change(struct session *session, json_t *params)
{
    const char *uri = document_uri(params);
    long version = (long)json_integer_value(
        json_object_get(json_object_get(params, "textDocument"), "version"));
    if (!uri || !documents_change(&session->documents, uri,
                                  json_object_get(params, "contentChanges"), version)) {
        session_log("didChange for %s could not be applied (not open or malformed); ignored",
                    uri ? uri : "a document without uri");
        return;
    }
    worker_schedule(session->worker, uri, session->debounce_ms);
}

static void did_save(struct session *session, json_t *params)
{
    const char *uri = document_uri(params);
    long version;
    if (uri && documents_version(&session->documents, uri, &version))
        worker_schedule(session->worker, uri, 0);
}

static void did_close(struct session *session, json_t *params)
{
    const char *uri = document_uri(params);
    if (!uri)
        return;
    worker_cancel(session->worker, uri);
    documents_close(&session->documents, uri);
    publish_fearless(session, uri, json_array()); /* clear what fearless showed */
}

/* Document notifications feed our analysis in both modes (with --wrap, clangd gets them
 * too, untouched). */
static bool observe_document(struct session *session, const char *method, json_t *params)
{
    static const struct {
        const char *method;
        void (*handle)(struct session *, json_t *);
    } HANDLERS[] = {{"textDocument/didOpen", did_open},
                    {"textDocument/didChange", did_change},
                    {"textDocument/didSave", did_save},
                    {"textDocument/didClose", did_close}};
    for (size_t i = 0; i < sizeof HANDLERS / sizeof *HANDLERS; i++) {
        if (strcmp(method, HANDLERS[i].method) == 0) {
            if (session->initialized && !session->shutdown_requested)
                HANDLERS[i].handle(session, params);
            return true;
        }
    }
    return false;
}

/* ---- requests and notifications fearless answers itself */

static void handle_request(struct session *session, const char *method, json_t *id,
                           json_t *params)
{
    if (strcmp(method, "initialize") == 0) {
        session->initialized = true;
        send_result(session, id, session_initialize_result(session, params));
    } else if (!session->initialized) {
        session_send_error(session, id, RPC_SERVER_NOT_INITIALIZED, "server not initialized");
    } else if (session->shutdown_requested) {
        session_send_error(session, id, RPC_INVALID_REQUEST, "server is shutting down");
    } else if (strcmp(method, "shutdown") == 0) {
        session->shutdown_requested = true;
        send_result(session, id, json_null());
    } else {
        session_log("unknown request '%s': answered MethodNotFound", method);
        session_send_error(session, id, RPC_METHOD_NOT_FOUND, "method not found");
    }
}

/* The editor's message: returns true after "exit". */
static bool handle_message(struct session *session, json_t *message, const char *body,
                           size_t length)
{
    const char *method = json_string_value(json_object_get(message, "method"));
    json_t *id = json_object_get(message, "id");
    json_t *params = json_object_get(message, "params");
    if (method && strcmp(method, "initialize") == 0 && session->clangd.program)
        session->initialized = true; /* clangd answers; wrap.c reads the encoding it picks */
    if (method && strcmp(method, "shutdown") == 0 && session->clangd.program)
        session->shutdown_requested = true;
    if (method)
        observe_document(session, method, params);
    if (clangd_forward(session, message, body, length))
        return method && strcmp(method, "exit") == 0;
    if (!method) /* a response to a request of ours (we send none) */
        return false;
    if (strcmp(method, "exit") == 0)
        return true;
    if (id && !json_is_null(id))
        handle_request(session, method, id, params);
    else if (strcmp(method, "initialized") != 0 && strncmp(method, "$/", 2) != 0 &&
             strncmp(method, "textDocument/did", 16) != 0 &&
             strcmp(method, "workspace/didChangeConfiguration") != 0)
        session_log("notification '%s' ignored", method);
    return false;
}

static bool valid_message(json_t *message)
{
    if (!json_is_object(message))
        return false;
    json_t *method = json_object_get(message, "method");
    return !method || json_is_string(method);
}

/* Reads until exit or end of input. Returns the LSP exit status. */
static int serve(struct session *session)
{
    struct message_reader reader;
    reader_init(&reader, STDIN_FILENO);
    for (;;) {
        char *body;
        size_t length;
        enum read_status status = reader_next(&reader, &body, &length);
        if (status == READ_EOF || status == READ_ERROR) {
            session_log("input ended%s; stopping", status == READ_ERROR ? " mid-message" : "");
            return session->shutdown_requested ? 0 : 1;
        }
        if (status == READ_BAD_HEADER) {
            session_log("message header without a valid Content-Length; skipped");
            continue;
        }
        json_error_t error;
        json_t *message = json_loadb(body, length, 0, &error);
        bool done = false;
        if (!valid_message(message)) {
            session_log("malformed message skipped: %s",
                        message ? "not a JSON-RPC object" : error.text);
            /* A parse error can't be tied to a request id: JSON-RPC says id null. */
            session_send_error(session, NULL, RPC_PARSE_ERROR, "parse error");
        } else {
            done = handle_message(session, message, body, length);
        }
        json_decref(message);
        free(body);
        if (done)
            return session->shutdown_requested ? 0 : 1;
    }
}

static int usage(void)
{
    fputs("usage: fearless lsp [--wrap=CLANGD] [--debounce=MS] [-- CLANGD-ARGS...]\n"
          "  A language server on stdin/stdout. --wrap runs CLANGD (e.g. clangd-19) behind\n"
          "  it and merges both servers' diagnostics.\n",
          stderr);
    return 2;
}

static bool parse_arguments(struct session *session, int argc, char **argv, int *clangd_args)
{
    *clangd_args = argc;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--wrap=", 7) == 0 && argv[i][7]) {
            session->clangd.program = argv[i] + 7;
        } else if (strncmp(argv[i], "--debounce=", 11) == 0) {
            char *end;
            unsigned long value = strtoul(argv[i] + 11, &end, 10);
            if (*end || value > 60000)
                return false;
            session->debounce_ms = (unsigned)value;
        } else if (strcmp(argv[i], "--") == 0) {
            *clangd_args = i + 1;
            return true;
        } else {
            return false;
        }
    }
    return true;
}

static bool build_clangd_argv(struct session *session, int argc, char **argv, int first)
{
    if (!session->clangd.program)
        return true;
    int extra = argc - first;
    session->clangd.argv = calloc((size_t)extra + 2, sizeof *session->clangd.argv);
    if (!session->clangd.argv)
        return false;
    session->clangd.argv[0] = (char *)session->clangd.program;
    for (int i = 0; i < extra; i++)
        session->clangd.argv[i + 1] = argv[first + i];
    return true;
}

int lsp_main(int argc, char **argv)
{
    static struct session session; /* static: the worker may outlive a returning frame */
    memset(&session, 0, sizeof session);
    session.debounce_ms = DEFAULT_DEBOUNCE_MS;
    pthread_mutex_init(&session.clangd.lock, NULL);
    int clangd_args;
    if (!parse_arguments(&session, argc, argv, &clangd_args) ||
        !build_clangd_argv(&session, argc, argv, clangd_args))
        return usage();
    signal(SIGPIPE, SIG_IGN); /* a vanished peer is a failed write, not a dead server */
    writer_init(&session.client, STDOUT_FILENO);
    documents_init(&session.documents);
    publish_init(&session);
    session.worker = worker_start(&session);
    if (!session.worker) {
        session_log("cannot start the analysis thread");
        return 2;
    }
    if (session.clangd.program)
        clangd_start(&session);
    int status = serve(&session);
    clangd_stop(&session);
    if (!worker_stop(session.worker))
        _exit(status); /* mid-analysis: libclang can't be torn down under it */
    publish_destroy(&session);
    documents_destroy(&session.documents);
    free(session.clangd.argv);
    return status;
}
