/* File identity: two spellings of one path ("a.c", "./a.c", "/src/a.c") name one file. */
#ifndef FEARLESS_FILES_H
#define FEARLESS_FILES_H

#include <stdbool.h>

/* True when both name the same existing file (or are the same string). */
bool same_file(const char *a, const char *b);

#endif
