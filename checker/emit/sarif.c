/* --format=sarif: SARIF 2.1.0 (OASIS), one run. Rules: every registered check (id
 * fearless-<name>, descriptions from the check's summary and explanation) plus any other
 * id the results use (clang-diagnostic-error). Locations are relative to %SRCROOT%, the
 * working directory, so runs on different machines and shards merge. */
#define _GNU_SOURCE /* strndup */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "diag/sink.h"
#include "emit/emit.h"
#include "emit/fingerprint.h"
#include "emit/json_text.h"
#include "emit/paths.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#ifndef FEARLESS_HOMEPAGE /* the project has no public address yet: override at build time */
#define FEARLESS_HOMEPAGE "https://github.com/fearless-c/fearless"
#endif

static const char *sarif_level(enum severity severity)
{
    return severity == SEVERITY_ERROR ? "error" : severity == SEVERITY_WARNING ? "warning" : "note";
}

/* RFC 3986: keep unreserved characters and '/', percent-encode the rest. */
static json_t *uri_json(const char *prefix, const char *path)
{
    size_t length = strlen(path), used = strlen(prefix);
    char *uri = malloc(used + length * 3 + 1);
    if (!uri)
        return json_null();
    memcpy(uri, prefix, used);
    for (const unsigned char *at = (const unsigned char *)path; *at; at++) {
        if ((*at >= 'a' && *at <= 'z') || (*at >= 'A' && *at <= 'Z') ||
            (*at >= '0' && *at <= '9') || strchr("-._~/", *at))
            uri[used++] = (char)*at;
        else
            used += (size_t)sprintf(uri + used, "%%%02X", *at);
    }
    uri[used] = '\0';
    json_t *value = json_text(uri);
    free(uri);
    return value;
}

static json_t *artifact_location(const char *file)
{
    char path[PATH_MAX];
    if (emit_relative_path(file, path, sizeof path))
        return json_pack("{s:o, s:s}", "uri", uri_json("", path), "uriBaseId", "%SRCROOT%");
    return json_pack("{s:o}", "uri", uri_json("file://", path));
}

/* SARIF columns: endColumn is one past the last character. */
static json_t *region(const struct source_range *range)
{
    unsigned start_line = range->begin.line ? range->begin.line : 1;
    unsigned start_column = range->begin.column ? range->begin.column : 1;
    unsigned end_line = start_line, end_column = start_column + 1;
    if (range->end.file && range->end.line > start_line) {
        end_line = range->end.line;
        end_column = range->end.column + 1;
    } else if (range->end.file && range->end.line == start_line &&
               range->end.column >= start_column) {
        end_column = range->end.column + 1;
    }
    return json_pack("{s:I, s:I, s:I, s:I}", "startLine", (json_int_t)start_line, "startColumn",
                     (json_int_t)start_column, "endLine", (json_int_t)end_line, "endColumn",
                     (json_int_t)end_column);
}

static json_t *physical_location(const struct source_range *range)
{
    return json_pack("{s:o, s:o}", "artifactLocation", artifact_location(range->begin.file),
                     "region", region(range));
}

static json_t *message(const char *text)
{
    return json_pack("{s:o}", "text", json_text(text ? text : ""));
}

/* "use-after-move" -> "UseAfterMove": SARIF's rule name is an identifier-like word. */
static json_t *rule_name(const char *id)
{
    char name[128];
    size_t used = 0;
    bool upper = true;
    for (const char *at = id; *at && used + 1 < sizeof name; at++) {
        if (*at == '-' || *at == '_') {
            upper = true;
            continue;
        }
        name[used++] = upper && *at >= 'a' && *at <= 'z' ? (char)(*at - 'a' + 'A') : *at;
        upper = false;
    }
    name[used] = '\0';
    return json_string(name);
}

/* The explanation's first paragraph: SARIF's fullDescription; help holds all of it. */
static json_t *first_paragraph(const char *text)
{
    const char *end = strstr(text, "\n\n");
    size_t length = end ? (size_t)(end - text) : strlen(text);
    char *copy = strndup(text, length);
    json_t *value = message(copy);
    free(copy);
    return value;
}

static json_t *rule_json(const char *id, const char *name, enum severity severity,
                         const char *summary, const char *explanation)
{
    const char *full = explanation && *explanation ? explanation : summary;
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:{s:s}}", "id", id, "name", rule_name(name),
                     "shortDescription", message(summary), "fullDescription",
                     first_paragraph(full), "help", message(full), "defaultConfiguration",
                     "level", sarif_level(severity));
}

/* Rules: the registered checks, then ids only results use. ids[i] names rules[i]. */
struct rule_table {
    json_t *rules;
    unsigned count;
    char **ids;
};

static void add_rule(struct rule_table *table, const char *id, json_t *rule)
{
    table->ids = realloc(table->ids, (table->count + 1) * sizeof *table->ids);
    table->ids[table->count++] = strdup(id);
    json_array_append_new(table->rules, rule);
}

static unsigned rule_index(struct rule_table *table, const struct diagnostic *diag)
{
    for (unsigned i = 0; i < table->count; i++)
        if (strcmp(table->ids[i], diag->check) == 0)
            return i;
    add_rule(table, diag->check,
             rule_json(diag->check, diag->check, diag->severity,
                       strncmp(diag->check, "clang-diagnostic-", 17) == 0
                           ? "The compiler reported an error: the file was not analyzed."
                           : "A diagnostic without a registered check.",
                       NULL));
    return table->count - 1;
}

static void registered_rules(struct rule_table *table)
{
    for (unsigned i = 0; i < check_count(); i++) {
        const struct check *check = check_at(i);
        char id[160];
        snprintf(id, sizeof id, "fearless-%s", check->name);
        add_rule(table, id, rule_json(id, check->name, check->severity, check->summary,
                                      check->explanation));
    }
}

static json_t *related_locations(const struct diagnostic *diag)
{
    json_t *related = json_array();
    for (unsigned i = 0; i < diag->note_count; i++) {
        const struct diag_note *note = &diag->notes[i];
        json_t *location = json_pack("{s:I, s:o}", "id", (json_int_t)i, "message",
                                     message(note->message));
        if (note->range.begin.file)
            json_object_set_new(location, "physicalLocation", physical_location(&note->range));
        json_array_append_new(related, location);
    }
    return related;
}

static json_t *result_json(const struct diagnostic *diag, struct rule_table *rules,
                           struct source_files *sources)
{
    unsigned index = rule_index(rules, diag);
    json_t *result = json_pack("{s:s, s:I, s:s, s:o}", "ruleId", diag->check, "ruleIndex",
                               (json_int_t)index, "level", sarif_level(diag->severity),
                               "message", message(diag->message));
    if (diag->range.begin.file)
        json_object_set_new(result, "locations",
                            json_pack("[{s:o}]", "physicalLocation",
                                      physical_location(&diag->range)));
    if (diag->note_count)
        json_object_set_new(result, "relatedLocations", related_locations(diag));
    char fingerprint[65];
    diagnostic_fingerprint_in(diag, sources, fingerprint);
    json_object_set_new(result, "partialFingerprints",
                        json_pack("{s:s}", "fearless/v1", fingerprint));
    return result;
}

static json_t *tool_json(json_t *rules)
{
    return json_pack("{s:{s:s, s:s, s:s, s:s, s:o}}", "driver", "name", "fearless", "version",
                     FEARLESS_VERSION, "semanticVersion", FEARLESS_VERSION, "informationUri",
                     FEARLESS_HOMEPAGE, "rules", rules);
}

bool emit_sarif(FILE *out, const struct diag_sink *sink)
{
    struct rule_table rules = {json_array(), 0, NULL};
    registered_rules(&rules);
    json_t *results = json_array();
    for (unsigned i = 0; i < diag_sink_count(sink); i++)
        json_array_append_new(results, result_json(diag_sink_at(sink, i), &rules,
                                                   diag_sink_sources(sink)));
    json_t *base_ids = json_pack("{s:{s:o}}", "%SRCROOT%", "uri",
                                 uri_json("file://", emit_working_directory()));
    json_t *run = json_pack("{s:o, s:o, s:o, s:s}", "tool", tool_json(rules.rules),
                            "originalUriBaseIds", base_ids, "results", results, "columnKind",
                            "unicodeCodePoints");
    json_t *root = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA, "version", "2.1.0",
                             "runs", run);
    int status = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fputc('\n', out);
    json_decref(root);
    for (unsigned i = 0; i < rules.count; i++)
        free(rules.ids[i]);
    free(rules.ids);
    return status == 0 && !ferror(out);
}
