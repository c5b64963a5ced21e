#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "driver/options.h"

static char error_text[512];

static bool fail(const char **error, const char *format, const char *detail)
{
    snprintf(error_text, sizeof error_text, format, detail);
    *error = error_text;
    return false;
}

static void push(const char ***list, unsigned *count, const char *value)
{
    *list = realloc(*list, (*count + 1) * sizeof **list);
    if (!*list)
        abort();
    (*list)[(*count)++] = value;
}

/* The value of an option spelled --name=value, -name=value or --name value. Advances *index
 * past a separate value. NULL when `arg` is not this option. *missing when it is but has no
 * value. */
static const char *option_value(int argc, char **argv, int *index, const char *name,
                                bool *missing)
{
    const char *arg = argv[*index];
    arg += arg[1] == '-' ? 2 : 1;
    size_t length = strlen(name);
    if (strncmp(arg, name, length) != 0)
        return NULL;
    if (arg[length] == '=')
        return arg + length + 1;
    if (arg[length] != '\0')
        return NULL;
    if (*index + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*index];
}

static bool parse_jobs(const char *text, unsigned *jobs, const char **error)
{
    char *end;
    long value = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value < 1 || value > 4096)
        return fail(error, "invalid -j value '%s': expected a number from 1 to 4096", text);
    *jobs = (unsigned)value;
    return true;
}

static bool parse_fail_on(const char *text, int *fail_on, const char **error)
{
    static const struct { const char *name; int value; } levels[] = {
        {"error", SEVERITY_ERROR}, {"warning", SEVERITY_WARNING}, {"note", SEVERITY_NOTE},
        {"never", FAIL_ON_NEVER}};
    for (unsigned i = 0; i < 4; i++)
        if (strcmp(text, levels[i].name) == 0) {
            *fail_on = levels[i].value;
            return true;
        }
    return fail(error, "invalid --fail-on value '%s': expected error, warning, note or never",
                text);
}

/* Flags without a value. */
static bool parse_switch(const char *arg, struct options *o)
{
    static const struct { const char *name; size_t offset; } switches[] = {
        {"strict", offsetof(struct options, strict)},
        {"verify", offsetof(struct options, verify)},
        {"list-checks", offsetof(struct options, list_checks)},
        {"version", offsetof(struct options, version)},
        {"help", offsetof(struct options, help)},
        {"dump-ir", offsetof(struct options, dump_ir)},
        {"quiet", offsetof(struct options, quiet)},
    };
    const char *name = arg + (arg[1] == '-' ? 2 : 1);
    if (strcmp(arg, "-h") == 0)
        name = "help";
    for (unsigned i = 0; i < sizeof switches / sizeof *switches; i++)
        if (strcmp(name, switches[i].name) == 0) {
            *(bool *)((char *)o + switches[i].offset) = true;
            return true;
        }
    if (strcmp(name, "diff") == 0) {
        o->diff = true;
        return true;
    }
    return false;
}

/* Options with a value whose text is stored as is. */
static bool parse_text_option(int argc, char **argv, int *i, struct options *o, bool *missing,
                              const char **name)
{
    static const struct { const char *name; size_t offset; } texts[] = {
        {"checks", offsetof(struct options, checks)},
        {"header-filter", offsetof(struct options, header_filter)},
        {"baseline", offsetof(struct options, baseline)},
        {"shard", offsetof(struct options, shard)},
        {"cache-dir", offsetof(struct options, cache_dir)},
        {"explain", offsetof(struct options, explain)},
    };
    for (unsigned k = 0; k < sizeof texts / sizeof *texts; k++) {
        const char *value = option_value(argc, argv, i, texts[k].name, missing);
        if (*missing) {
            *name = texts[k].name;
            return false;
        }
        if (value) {
            *(const char **)((char *)o + texts[k].offset) = value;
            return true;
        }
    }
    return false;
}

/* Short options that take a value: -p DIR, -pDIR, -p=DIR, -o FILE, -j N. */
static const char *short_value(int argc, char **argv, int *i, char letter, bool *missing)
{
    const char *arg = argv[*i];
    if (arg[0] != '-' || arg[1] != letter)
        return NULL;
    if (arg[2] == '=')
        return arg + 3;
    if (arg[2] != '\0')
        return arg + 2;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

static bool parse_valued(int argc, char **argv, int *i, struct options *o, const char **error)
{
    bool missing = false;
    const char *name = NULL, *value;
    if (parse_text_option(argc, argv, i, o, &missing, &name))
        return true;
    if (missing)
        return fail(error, "option '--%s' needs a value", name);
    if ((value = option_value(argc, argv, i, "format", &missing))) {
        if (!emit_parse_format(value, &o->format))
            return fail(error, "invalid --format '%s': expected text, json or sarif", value);
        return true;
    }
    if ((value = option_value(argc, argv, i, "fail-on", &missing)))
        return parse_fail_on(value, &o->fail_on, error);
    if ((value = option_value(argc, argv, i, "extra-arg-before", &missing))) {
        push(&o->extra_before, &o->extra_before_count, value);
        return true;
    }
    if ((value = option_value(argc, argv, i, "extra-arg", &missing))) {
        push(&o->extra, &o->extra_count, value);
        return true;
    }
    if (strncmp(argv[*i], "--diff=", 7) == 0) {
        o->diff = true;
        o->diff_ref = argv[*i] + 7;
        return true;
    }
    if (!missing && (value = short_value(argc, argv, i, 'j', &missing)))
        return parse_jobs(value, &o->jobs, error);
    if (!missing && (value = short_value(argc, argv, i, 'o', &missing))) {
        o->output = value;
        return true;
    }
    if (!missing && (value = short_value(argc, argv, i, 'p', &missing))) {
        o->build_path = value;
        return true;
    }
    if (missing)
        return fail(error, "option '%s' needs a value", argv[*i]);
    return fail(error, "unknown option '%s' (see --help)", argv[*i]);
}

bool options_parse(int argc, char **argv, struct options *o, const char **error)
{
    memset(o, 0, sizeof *o);
    o->format = EMIT_TEXT;
    o->fail_on = SEVERITY_WARNING;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            o->has_flags = true;
            o->flag_count = argc - i - 1;
            o->flags = (const char **)argv + i + 1;
            break;
        }
        if (arg[0] != '-' || arg[1] == '\0') {
            push(&o->files, &o->file_count, arg);
            continue;
        }
        if (parse_switch(arg, o))
            continue;
        if (!parse_valued(argc, argv, &i, o, error))
            return false;
    }
    return true;
}

void options_free(struct options *o)
{
    free(o->files);
    free(o->extra_before);
    free(o->extra);
}

void options_print_help(FILE *out)
{
    fputs("USAGE: fearless [options] <file.c>... [-- <compiler flags>]\n"
          "       fearless -p <build dir> [options] [<file.c>...]\n"
          "       fearless [options] <file.c> -- <compiler> <compile arguments>\n"
          "       fearless lsp [--wrap=<clangd>]\n"
          "\n"
          "Reports Rust's compile-time concurrency errors in C: use after move, borrows\n"
          "escaping into threads, Send/Sync violations, unguarded data, lock misuse.\n"
          "Without -p or --, compile_commands.json is looked up in ., build/ and parents.\n"
          "\n"
          "OPTIONS:\n"
          "  -p <dir>               directory holding compile_commands.json; with no file\n"
          "                         given, every file in it is analyzed\n"
          "  --checks=<globs>       enable/disable checks, clang-tidy style:\n"
          "                         '-*,fearless-lock-*' (applied after 'fearless-*')\n"
          "  --format=<fmt>         text (default), json or sarif\n"
          "  -o <file>              write findings to <file> instead of stdout\n"
          "  -j <n>                 analyze n translation units at once (default: all cores)\n"
          "  --header-filter=<re>   also report findings in headers matching <re>\n"
          "                         (never in system headers; each finding once)\n"
          "  --fail-on=<level>      exit 1 on findings at or above error, warning (default),\n"
          "                         note, or never\n"
          "  --baseline=<sarif>     hide findings already present in an earlier SARIF file\n"
          "  --diff[=<ref>]         report only on lines changed since <ref> (default HEAD)\n"
          "  --shard=<i>/<n>        analyze only the i-th of n shards of the files\n"
          "  --cache-dir=<dir>      reuse results of unchanged translation units\n"
          "  --strict               also report what cannot be proven safe\n"
          "  --verify               check '// expected-error {{...}}' comments instead of\n"
          "                         reporting (clang -verify syntax)\n"
          "  --extra-arg=<flag>     append a compiler flag (--extra-arg-before: prepend)\n"
          "  --list-checks          list the enabled checks\n"
          "  --explain <check>      explain a check, with a wrong and a right example\n"
          "  --quiet                no summary line\n"
          "  --version, --help\n"
          "\n"
          "Suppress a finding with // NOLINT(fearless-<check>), NOLINTNEXTLINE(...) or\n"
          "NOLINTBEGIN(...)/NOLINTEND(...).\n"
          "Exit status: 0 no finding at or above --fail-on, 1 findings, 2 an input could not\n"
          "be analyzed (bad arguments, missing file, compile errors).\n",
          out);
}
