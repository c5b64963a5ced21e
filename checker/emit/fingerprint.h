/* A finding's identity across runs, for --baseline and SARIF partialFingerprints: SHA-256
 * of the check id, the file (relative to the working directory when under it), the
 * whitespace-normalized text of the primary source line and the message. No line number,
 * so edits elsewhere in the file keep it. */
#ifndef FEARLESS_EMIT_FINGERPRINT_H
#define FEARLESS_EMIT_FINGERPRINT_H

#include "diag/diag.h"

struct source_files;

/* 64 lowercase hex digits and a NUL. Reads the source line from disk. */
void diagnostic_fingerprint(const struct diagnostic *diag, char out[65]);
/* The same, reading the source line through `sources` (unsaved buffers). */
void diagnostic_fingerprint_in(const struct diagnostic *diag, struct source_files *sources,
                               char out[65]);

#endif
