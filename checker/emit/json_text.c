#include <stdlib.h>
#include <string.h>

#include "emit/json_text.h"

/* Length of the valid UTF-8 sequence at `at`, 0 when invalid. */
static size_t utf8_sequence(const unsigned char *at)
{
    size_t length = at[0] < 0x80 ? 1 : (at[0] & 0xE0) == 0xC0 ? 2 : (at[0] & 0xF0) == 0xE0 ? 3
                  : (at[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 2 && at[0] < 0xC2)
        return 0;
    for (size_t i = 1; i < length; i++)
        if ((at[i] & 0xC0) != 0x80)
            return 0;
    return length;
}

json_t *json_text(const char *text)
{
    if (!text)
        return json_null();
    json_t *value = json_string(text);
    if (value)
        return value;
    size_t length = strlen(text);
    char *clean = malloc(length * 3 + 1);
    if (!clean)
        return json_null();
    size_t used = 0;
    for (const unsigned char *at = (const unsigned char *)text; *at;) {
        size_t sequence = utf8_sequence(at);
        if (sequence) {
            memcpy(clean + used, at, sequence);
            used += sequence;
            at += sequence;
        } else {
            memcpy(clean + used, "\xEF\xBF\xBD", 3);
            used += 3;
            at++;
        }
    }
    clean[used] = '\0';
    value = json_string(clean);
    free(clean);
    return value ? value : json_null();
}
