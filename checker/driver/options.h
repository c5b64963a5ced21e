/* The command line, clang-tidy's conventions (DESIGN.md "Command line"):
 *   fearless [options] file.c ... [-- <compiler flags>]
 *   fearless -p build/ [options] [file.c ...]
 *   fearless [options] file.c -- <cc> <args...>     (CMake's CMAKE_C_CLANG_TIDY form) */
#ifndef FEARLESS_DRIVER_OPTIONS_H
#define FEARLESS_DRIVER_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "diag/diag.h"
#include "emit/emit.h"

enum fail_on { FAIL_ON_NEVER = -1 }; /* else an enum severity */

struct options {
    unsigned file_count;
    const char **files;
    bool has_flags;                 /* "--" was given */
    int flag_count;                 /* after "--", as given (compiler not yet dropped) */
    const char **flags;
    unsigned extra_before_count, extra_count; /* --extra-arg-before / --extra-arg */
    const char **extra_before, **extra;
    const char *build_path;         /* -p */
    const char *checks;             /* --checks */
    enum emit_format format;
    const char *output;             /* -o */
    unsigned jobs;                  /* 0: all cores */
    const char *header_filter;
    int fail_on;                    /* enum severity or FAIL_ON_NEVER */
    const char *baseline;
    bool diff;
    const char *diff_ref;
    const char *shard;
    const char *cache_dir;
    bool strict, verify, list_checks, version, help, dump_ir, quiet;
    const char *explain;
};

/* Fills options from argv. False with a message in error (a static buffer) on bad usage. */
bool options_parse(int argc, char **argv, struct options *options, const char **error);
void options_free(struct options *options);
void options_print_help(FILE *out);

#endif
