/* --baseline=FILE: an earlier SARIF run; findings whose partialFingerprints it contains
 * are known and hidden. Fingerprints do not include line numbers, so a finding stays
 * matched when lines are added or removed elsewhere in the file. */
#ifndef FEARLESS_DRIVER_BASELINE_H
#define FEARLESS_DRIVER_BASELINE_H

#include <stdbool.h>

struct baseline;
struct diagnostic;

/* NULL + a malloc'd message when the file is missing or not SARIF. */
struct baseline *baseline_load(const char *sarif_path, char **error);
bool baseline_contains(const struct baseline *baseline, const struct diagnostic *diag);
/* Same question by fingerprint (hex, as emit/fingerprint.h computes it). */
bool baseline_contains_fingerprint(const struct baseline *baseline, const char *fingerprint);
void baseline_free(struct baseline *baseline);

#endif
