/* JSON strings from C strings that may not be UTF-8 (file names, source text): invalid
 * bytes become U+FFFD instead of losing the whole value. */
#ifndef FEARLESS_EMIT_JSON_TEXT_H
#define FEARLESS_EMIT_JSON_TEXT_H

#include <jansson.h>

/* A new reference; JSON null for NULL. */
json_t *json_text(const char *text);

#endif
