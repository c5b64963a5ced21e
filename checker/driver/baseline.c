#include "driver/baseline.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "emit/fingerprint.h"
#include "support/vec.h"

/* The key the SARIF emitter writes under partialFingerprints. */
#define FINGERPRINT_KEY "fearless/v1"

struct baseline {
    struct vec fingerprints; /* char *, sorted for bsearch */
};

static char *format_error(const char *path, const char *what)
{
    size_t size = strlen(path) + strlen(what) + 32;
    char *message = malloc(size);
    if (message)
        snprintf(message, size, "--baseline %s: %s", path, what);
    return message;
}

static bool add_fingerprint(struct baseline *baseline, const char *fingerprint)
{
    char *copy = strdup(fingerprint);
    if (copy)
        vec_push(&baseline->fingerprints, copy);
    return copy != NULL;
}

/* Every runs[].results[].partialFingerprints["fearless/v1"]. */
static bool collect_fingerprints(struct baseline *baseline, json_t *root)
{
    json_t *runs = json_object_get(root, "runs");
    if (!json_is_array(runs))
        return false;
    size_t r, i;
    json_t *run, *result;
    json_array_foreach(runs, r, run) {
        json_t *results = json_object_get(run, "results");
        json_array_foreach(results, i, result) {
            json_t *prints = json_object_get(result, "partialFingerprints");
            const char *print = json_string_value(json_object_get(prints, FINGERPRINT_KEY));
            if (print && !add_fingerprint(baseline, print))
                return false;
        }
    }
    return true;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct baseline *baseline_load(const char *sarif_path, char **error)
{
    json_error_t json_error;
    json_t *root = json_load_file(sarif_path, 0, &json_error);
    if (!root) {
        *error = format_error(sarif_path, json_error.text);
        return NULL;
    }
    struct baseline *baseline = calloc(1, sizeof *baseline);
    if (!baseline || !collect_fingerprints(baseline, root)) {
        json_decref(root);
        baseline_free(baseline);
        *error = format_error(sarif_path, "not a SARIF log (no \"runs\" array)");
        return NULL;
    }
    json_decref(root);
    if (baseline->fingerprints.count > 0)
        qsort(baseline->fingerprints.items, baseline->fingerprints.count, sizeof(char *),
              compare_strings);
    return baseline;
}

bool baseline_contains_fingerprint(const struct baseline *baseline, const char *fingerprint)
{
    if (!baseline || baseline->fingerprints.count == 0)
        return false;
    return bsearch(&fingerprint, baseline->fingerprints.items, baseline->fingerprints.count,
                   sizeof(char *), compare_strings) != NULL;
}

bool baseline_contains(const struct baseline *baseline, const struct diagnostic *diag)
{
    char fingerprint[65];
    diagnostic_fingerprint(diag, fingerprint);
    return baseline_contains_fingerprint(baseline, fingerprint);
}

void baseline_free(struct baseline *baseline)
{
    if (!baseline)
        return;
    for (size_t i = 0; i < baseline->fingerprints.count; i++)
        free(baseline->fingerprints.items[i]);
    vec_free(&baseline->fingerprints);
    free(baseline);
}
