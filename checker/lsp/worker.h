/* The analysis worker: one thread that analyzes documents after a quiet period (edits
 * debounce), so the reader loop never waits for libclang. */
#ifndef FEARLESS_LSP_WORKER_H
#define FEARLESS_LSP_WORKER_H

#include <stdbool.h>

struct session;
struct worker;

struct worker *worker_start(struct session *session);
/* (Re)schedules `uri` to be analyzed delay_ms from now; a pending earlier request for it
 * is replaced, so a burst of edits costs one analysis. */
void worker_schedule(struct worker *worker, const char *uri, unsigned delay_ms);
void worker_cancel(struct worker *worker, const char *uri);
/* Stops the thread, waiting up to 2 s for an analysis in progress. Returns false (and
 * leaves it running) when the analysis goes on: the caller exits the process anyway. */
bool worker_stop(struct worker *worker);

#endif
