/* Text output in clang's shape, so editors, CI logs and quickfix parsers read it:
 *   t.c:7:5: error: use of moved value 'val' [fearless-use-after-move]
 *       7 |     use(val);
 *         |         ^~~
 * Tabs are expanded to 8 columns in the snippet, as clang does. */
#include <stdio.h>
#include <string.h>

#include "diag/sink.h"
#include "emit/emit.h"

enum { TAB_STOP = 8 };

struct colours {
    const char *bold, *reset, *caret, *severity;
};

static struct colours pick_colours(bool colour, enum severity severity)
{
    if (!colour)
        return (struct colours){"", "", "", ""};
    static const char *const by_severity[] = {
        [SEVERITY_NOTE] = "\033[0;1;30m",
        [SEVERITY_WARNING] = "\033[0;1;35m",
        [SEVERITY_ERROR] = "\033[0;1;31m",
    };
    return (struct colours){"\033[1m", "\033[0m", "\033[0;1;32m", by_severity[severity]};
}

static unsigned digit_count(unsigned number)
{
    unsigned digits = 1;
    while (number >= 10) {
        number /= 10;
        digits++;
    }
    return digits;
}

/* The display column (0-based) where byte column `column` (1-based) starts. */
static unsigned display_column(const struct source_line *line, unsigned column)
{
    unsigned display = 0;
    for (size_t i = 0; i + 1 < column && i < line->length; i++)
        display = line->text[i] == '\t' ? (display / TAB_STOP + 1) * TAB_STOP : display + 1;
    if (column > line->length + 1)
        display += column - 1 - (unsigned)line->length; /* past the end: keep going */
    return display;
}

static void print_expanded(FILE *out, const struct source_line *line)
{
    unsigned display = 0;
    for (size_t i = 0; i < line->length; i++) {
        if (line->text[i] == '\t') {
            unsigned next = (display / TAB_STOP + 1) * TAB_STOP;
            fprintf(out, "%*s", (int)(next - display), "");
            display = next;
        } else {
            fputc(line->text[i], out);
            display++;
        }
    }
}

/* The '~' run ends at the range's last character; a range running onto later lines is
 * underlined to the end of this one. */
static unsigned range_end_display(const struct source_line *line, const struct source_range *range)
{
    if (!range->end.file || range->end.line < range->begin.line)
        return display_column(line, range->begin.column);
    if (range->end.line > range->begin.line)
        return line->length ? display_column(line, (unsigned)line->length) : 0;
    if (range->end.column < range->begin.column)
        return display_column(line, range->begin.column);
    return display_column(line, range->end.column);
}

static void print_snippet(FILE *out, const struct source_range *range,
                          struct source_files *sources, const struct colours *c)
{
    if (!range->begin.file || !sources)
        return;
    const struct source_line *line = source_files_line(sources, range->begin.file, range->begin.line);
    if (!line)
        return;
    unsigned width = digit_count(range->begin.line);
    if (width < 4)
        width = 4;
    fprintf(out, " %*u | ", (int)width, range->begin.line);
    print_expanded(out, line);
    unsigned caret = display_column(line, range->begin.column);
    unsigned last = range_end_display(line, range);
    fprintf(out, "\n %*s | %s", (int)width, "", c->caret);
    for (unsigned i = 0; i <= last || i <= caret; i++)
        fputc(i == caret ? '^' : i > caret && i <= last ? '~' : ' ', out);
    fprintf(out, "%s\n", c->reset);
}

static void print_header(FILE *out, const struct source_range *range, enum severity severity,
                         const char *message, const char *check, const struct colours *c)
{
    if (range->begin.file)
        fprintf(out, "%s%s:%u:%u: %s", c->bold, range->begin.file, range->begin.line,
                range->begin.column, c->reset);
    const char *message_style = severity == SEVERITY_NOTE ? "" : c->bold;
    fprintf(out, "%s%s: %s%s%s", c->severity, severity_name(severity), c->reset, message_style,
            message);
    if (check)
        fprintf(out, " [%s]", check);
    fprintf(out, "%s\n", *message_style ? c->reset : "");
}

void emit_text_one(FILE *out, const struct diagnostic *diag, struct source_files *sources,
                   bool colour)
{
    struct colours c = pick_colours(colour, diag->severity);
    print_header(out, &diag->range, diag->severity, diag->message, diag->check, &c);
    print_snippet(out, &diag->range, sources, &c);
    struct colours note = pick_colours(colour, SEVERITY_NOTE);
    for (unsigned i = 0; i < diag->note_count; i++) {
        print_header(out, &diag->notes[i].range, SEVERITY_NOTE, diag->notes[i].message, NULL,
                     &note);
        print_snippet(out, &diag->notes[i].range, sources, &note);
    }
}

void emit_text(FILE *out, const struct diag_sink *sink, bool colour)
{
    for (unsigned i = 0; i < diag_sink_count(sink); i++)
        emit_text_one(out, diag_sink_at(sink, i), diag_sink_sources(sink), colour);
}

bool emit_parse_format(const char *name, enum emit_format *format)
{
    static const char *const names[] = {[EMIT_TEXT] = "text", [EMIT_JSON] = "json",
                                        [EMIT_SARIF] = "sarif"};
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *format = (enum emit_format)i;
            return true;
        }
    return false;
}

bool emit(FILE *out, enum emit_format format, const struct diag_sink *sink, bool colour)
{
    switch (format) {
    case EMIT_TEXT:
        emit_text(out, sink, colour);
        return !ferror(out);
    case EMIT_JSON:
        return emit_json(out, sink);
    case EMIT_SARIF:
        return emit_sarif(out, sink);
    }
    return false;
}
