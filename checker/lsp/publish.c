/* Merging: an editor keeps one diagnostics set per document and server, so a server that
 * fronts two sources must publish their union each time either changes. */
#include <stdlib.h>
#include <string.h>

#include "lsp/session.h"

void publish_init(struct session *session)
{
    pthread_mutex_init(&session->publish_lock, NULL);
    session->published = (struct vec){0};
}

void publish_destroy(struct session *session)
{
    for (size_t i = 0; i < session->published.count; i++) {
        struct published *entry = session->published.items[i];
        free(entry->uri);
        json_decref(entry->fearless);
        json_decref(entry->clangd);
        free(entry);
    }
    vec_free(&session->published);
    pthread_mutex_destroy(&session->publish_lock);
}

/* Caller holds publish_lock. */
static struct published *entry_for(struct session *session, const char *uri)
{
    for (size_t i = 0; i < session->published.count; i++) {
        struct published *entry = session->published.items[i];
        if (strcmp(entry->uri, uri) == 0)
            return entry;
    }
    struct published *entry = calloc(1, sizeof *entry);
    if (!entry || !(entry->uri = strdup(uri))) {
        free(entry);
        return NULL;
    }
    vec_push(&session->published, entry);
    return entry;
}

/* Caller holds publish_lock, so unions go out in the order their sets changed. */
static void send_union(struct session *session, const struct published *entry)
{
    json_t *all = json_array();
    if (entry->clangd)
        json_array_extend(all, entry->clangd);
    if (entry->fearless)
        json_array_extend(all, entry->fearless);
    json_t *message = json_pack("{s:s, s:s, s:{s:s, s:o}}", "jsonrpc", "2.0", "method",
                                "textDocument/publishDiagnostics", "params", "uri", entry->uri,
                                "diagnostics", all);
    if (message)
        writer_send_json(&session->client, message);
    json_decref(message);
}

void publish_fearless(struct session *session, const char *uri, json_t *diagnostics)
{
    pthread_mutex_lock(&session->publish_lock);
    struct published *entry = entry_for(session, uri);
    if (entry) {
        json_decref(entry->fearless);
        entry->fearless = diagnostics;
        send_union(session, entry);
    } else {
        json_decref(diagnostics);
    }
    pthread_mutex_unlock(&session->publish_lock);
}

void publish_clangd(struct session *session, json_t *params)
{
    const char *uri = json_string_value(json_object_get(params, "uri"));
    json_t *diagnostics = json_object_get(params, "diagnostics");
    if (!uri || !json_is_array(diagnostics)) {
        session_log("clangd sent publishDiagnostics without uri or diagnostics; ignored");
        return;
    }
    pthread_mutex_lock(&session->publish_lock);
    struct published *entry = entry_for(session, uri);
    if (entry) {
        json_decref(entry->clangd);
        entry->clangd = json_incref(diagnostics);
        send_union(session, entry);
    }
    pthread_mutex_unlock(&session->publish_lock);
}

void publish_forget_clangd(struct session *session)
{
    pthread_mutex_lock(&session->publish_lock);
    for (size_t i = 0; i < session->published.count; i++) {
        struct published *entry = session->published.items[i];
        if (!entry->clangd)
            continue;
        json_decref(entry->clangd);
        entry->clangd = NULL;
        send_union(session, entry);
    }
    pthread_mutex_unlock(&session->publish_lock);
}
