#include <string.h>

#include "diag/filter.h"
#include "diag/nolint.h"

enum nolint_kind { NOLINT_SAME_LINE, NOLINT_NEXT_LINE, NOLINT_BEGIN, NOLINT_END };

/* One NOLINT comment: its kind and its check list (list == NULL: every check). */
struct nolint {
    enum nolint_kind kind;
    const char *list;
    size_t list_length;
};

static const char *find_in(const char *text, size_t length, const char *word)
{
    size_t word_length = strlen(word);
    for (size_t i = 0; i + word_length <= length; i++)
        if (memcmp(text + i, word, word_length) == 0)
            return text + i;
    return NULL;
}

/* Parses the NOLINT comment at `at` (pointing at "NOLINT"); returns where to go on. */
static const char *parse_one(const char *at, const char *end, struct nolint *out)
{
    static const struct { const char *suffix; enum nolint_kind kind; } suffixes[] = {
        {"NEXTLINE", NOLINT_NEXT_LINE}, {"BEGIN", NOLINT_BEGIN}, {"END", NOLINT_END}};
    at += 6;
    out->kind = NOLINT_SAME_LINE;
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t length = strlen(suffixes[i].suffix);
        if ((size_t)(end - at) >= length && memcmp(at, suffixes[i].suffix, length) == 0) {
            out->kind = suffixes[i].kind;
            at += length;
            break;
        }
    }
    out->list = NULL;
    out->list_length = 0;
    if (at < end && *at == '(') {
        const char *close = memchr(at, ')', (size_t)(end - at));
        if (close) {
            out->list = at + 1;
            out->list_length = (size_t)(close - at - 1);
            return close + 1;
        }
    }
    return at;
}

/* The NOLINT comments of one line, at most `capacity`. */
static unsigned parse_line(const struct source_line *line, struct nolint *out, unsigned capacity)
{
    unsigned count = 0;
    const char *at = line->text, *end = line->text + line->length;
    while (count < capacity && (at = find_in(at, (size_t)(end - at), "NOLINT")))
        at = parse_one(at, end, &out[count++]);
    return count;
}

static bool list_covers(const struct nolint *nolint, const char *id)
{
    if (!nolint->list)
        return true;
    const char *entry = nolint->list, *end = nolint->list + nolint->list_length;
    while (entry < end) {
        const char *comma = memchr(entry, ',', (size_t)(end - entry));
        const char *stop = comma ? comma : end;
        const char *first = entry, *last = stop;
        while (first < last && (*first == ' ' || *first == '\t'))
            first++;
        while (last > first && (last[-1] == ' ' || last[-1] == '\t'))
            last--;
        if (last > first && check_glob_match(first, (size_t)(last - first), id))
            return true;
        entry = stop + 1;
    }
    return false;
}

static bool same_list(const struct nolint *a, const struct nolint *b)
{
    if (!a->list || !b->list)
        return !a->list && !b->list;
    return a->list_length == b->list_length && memcmp(a->list, b->list, a->list_length) == 0;
}

static bool line_has(const struct source_line *line, enum nolint_kind kind, const char *id)
{
    struct nolint found[8];
    unsigned count = parse_line(line, found, 8);
    for (unsigned i = 0; i < count; i++)
        if (found[i].kind == kind && list_covers(&found[i], id))
            return true;
    return false;
}

enum { MAX_OPEN_BLOCKS = 64 };

/* Whether a NOLINTBEGIN still open at `line` covers `id`. */
static bool inside_block(const struct source_line *lines, unsigned line, const char *id)
{
    struct nolint open[MAX_OPEN_BLOCKS];
    unsigned open_count = 0;
    for (unsigned number = 1; number <= line; number++) {
        struct nolint found[8];
        unsigned count = parse_line(&lines[number - 1], found, 8);
        for (unsigned i = 0; i < count; i++) {
            if (found[i].kind == NOLINT_BEGIN && open_count < MAX_OPEN_BLOCKS)
                open[open_count++] = found[i];
            if (found[i].kind != NOLINT_END || number == line)
                continue;
            for (unsigned j = open_count; j-- > 0;)
                if (same_list(&open[j], &found[i])) {
                    memmove(&open[j], &open[j + 1], (open_count - j - 1) * sizeof *open);
                    open_count--;
                    break;
                }
        }
    }
    for (unsigned i = 0; i < open_count; i++)
        if (list_covers(&open[i], id))
            return true;
    return false;
}

bool nolint_suppresses(const struct source_line *lines, unsigned line_count, unsigned line,
                       const char *id)
{
    if (line == 0 || line > line_count)
        return false;
    if (line_has(&lines[line - 1], NOLINT_SAME_LINE, id))
        return true;
    if (line > 1 && line_has(&lines[line - 2], NOLINT_NEXT_LINE, id))
        return true;
    return inside_block(lines, line, id);
}
