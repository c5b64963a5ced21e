#include "driver/shard.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

static bool parse_unsigned(const char *text, char **end, unsigned *value)
{
    if (*text < '0' || *text > '9')
        return false;
    errno = 0;
    unsigned long parsed = strtoul(text, end, 10);
    if (errno != 0 || parsed == 0 || parsed > 1000000)
        return false;
    *value = (unsigned)parsed;
    return true;
}

bool shard_parse(const char *spec, unsigned *index, unsigned *count)
{
    char *end;
    unsigned i, n;
    if (!spec || !parse_unsigned(spec, &end, &i) || *end != '/')
        return false;
    if (!parse_unsigned(end + 1, &end, &n) || *end != '\0' || i > n)
        return false;
    *index = i;
    *count = n;
    return true;
}

/* FNV-1a: stable across runs, machines and versions (unlike a seeded hash). */
static uint64_t path_hash(const char *path)
{
    uint64_t hash = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        hash ^= *p;
        hash *= 1099511628211ull;
    }
    return hash;
}

bool shard_selects(unsigned index, unsigned count, const char *file)
{
    if (count <= 1)
        return true;
    return path_hash(file) % count == (uint64_t)(index - 1);
}
