/* State shared by the parts of the language server: the reader loop (server.c), the
 * analysis worker (worker.c), the clangd proxy (wrap.c) and the diagnostics merger
 * (publish.c). */
#ifndef FEARLESS_LSP_SESSION_H
#define FEARLESS_LSP_SESSION_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

#include <jansson.h>

#include "lsp/document.h"
#include "lsp/transport.h"
#include "support/vec.h"

struct worker;

/* The last diagnostics each server published for one document. */
struct published {
    char *uri;
    json_t *fearless; /* array, or NULL before the first analysis */
    json_t *clangd;   /* array, or NULL when clangd has published none */
};

struct clangd {
    const char *program;      /* NULL: not wrapping */
    char **argv;              /* program + extra arguments */
    pid_t pid;
    int to_child, from_child; /* pipes */
    pthread_t reader;
    bool reader_started;
    /* Guarded by lock: */
    pthread_mutex_t lock;
    bool alive;
    json_t *pending;          /* requests forwarded and not yet answered: [{id, method}] */
    json_t *initialize_params;/* the client's initialize params, to answer it ourselves */
};

struct session {
    struct message_writer client;   /* to the editor (stdout) */
    struct document_store documents;
    struct worker *worker;
    unsigned debounce_ms;
    struct clangd clangd;
    /* Guarded by publish_lock: */
    pthread_mutex_t publish_lock;
    struct vec published; /* struct published * */
    /* Reader loop only: */
    bool initialized;
    /* Written by the reader loop, read by clangd's reader when clangd exits. */
    atomic_bool shutdown_requested;
};

/* ---- publish.c: each source's last set, and their union sent to the editor. */
void publish_init(struct session *session);
void publish_destroy(struct session *session);
/* Steals `diagnostics`. */
void publish_fearless(struct session *session, const char *uri, json_t *diagnostics);
/* `params` is clangd's publishDiagnostics params (not stolen). */
void publish_clangd(struct session *session, json_t *params);
/* clangd is gone: forget its sets and republish fearless's alone. */
void publish_forget_clangd(struct session *session);

/* ---- server.c */
void session_log(const char *format, ...) __attribute__((format(printf, 1, 2)));
void session_show_message(struct session *session, int type, const char *text);
json_t *session_initialize_result(struct session *session, json_t *params);
void session_send_error(struct session *session, json_t *id, int code, const char *message);

/* ---- wrap.c */
/* Starts clangd and its reader thread; false (with a message sent) when it cannot. */
bool clangd_start(struct session *session);
/* Forwards a client message; false when clangd is not running (handle it locally). */
bool clangd_forward(struct session *session, json_t *message, const char *body, size_t length);
/* Whether clangd is up (its diagnostics cover compiler errors, so ours leave them out). */
bool clangd_running(struct session *session);
/* After exit: closes clangd's input, waits a little, kills it if it lingers. */
void clangd_stop(struct session *session);

/* JSON-RPC error codes. */
enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_SERVER_NOT_INITIALIZED = -32002,
    RPC_REQUEST_FAILED = -32803,
};

#endif
