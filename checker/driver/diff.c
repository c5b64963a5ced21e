#include "driver/diff.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/vec.h"

struct line_range {
    unsigned first, last; /* inclusive */
};

struct changed_file {
    char *path;        /* absolute, symlinks resolved when the file exists */
    struct vec ranges; /* struct line_range * */
};

struct changed_lines {
    struct vec files; /* struct changed_file * */
};

/* The tree of a repository without commits: a diff against it lists every line. */
static const char EMPTY_TREE[] = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

static char *format_error(const char *format, const char *argument)
{
    size_t size = strlen(format) + strlen(argument) + 1;
    char *message = malloc(size);
    if (message)
        snprintf(message, size, format, argument);
    return message;
}

/* Runs git with `argv`, returns its stdout (malloc'd) or NULL when it fails. stderr is
 * discarded: the caller reports a message of its own. */
static char *run_git(char *const argv[])
{
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0)
        return NULL;
    pid_t pid = fork();
    if (pid < 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        return NULL;
    }
    if (pid == 0) {
        dup2(pipe_fds[1], STDOUT_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        FILE *null = freopen("/dev/null", "w", stderr);
        (void)null;
        execvp("git", argv);
        _exit(127);
    }
    close(pipe_fds[1]);
    size_t length = 0, capacity = 4096;
    char *output = malloc(capacity);
    ssize_t got;
    while (output) {
        if (length + 1 >= capacity) {
            char *grown = realloc(output, capacity *= 2);
            if (!grown) {
                free(output);
                output = NULL;
                break;
            }
            output = grown;
        }
        got = read(pipe_fds[0], output + length, capacity - length - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        length += (size_t)got;
    }
    close(pipe_fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!output || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(output);
        return NULL;
    }
    output[length] = '\0';
    return output;
}

static void strip_newline(char *text)
{
    size_t length = strlen(text);
    while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
        text[--length] = '\0';
}

/* Absolute, symlink-free path when the file exists; otherwise the absolute spelling. */
static char *canonical_path(const char *path)
{
    char *resolved = realpath(path, NULL);
    if (resolved || path[0] == '/')
        return resolved ? resolved : strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    size_t size = strlen(cwd) + strlen(path) + 2;
    char *joined = malloc(size);
    if (joined)
        snprintf(joined, size, "%s/%s", cwd, path);
    return joined;
}

static struct changed_file *add_file(struct changed_lines *lines, const char *top,
                                     const char *relative)
{
    size_t size = strlen(top) + strlen(relative) + 2;
    char *joined = malloc(size);
    struct changed_file *file = calloc(1, sizeof *file);
    if (!joined || !file) {
        free(joined);
        free(file);
        return NULL;
    }
    snprintf(joined, size, "%s/%s", top, relative);
    file->path = canonical_path(joined);
    free(joined);
    vec_push(&lines->files, file);
    return file;
}

static void add_range(struct changed_file *file, unsigned first, unsigned count)
{
    if (count == 0) /* a pure deletion adds no line to report on */
        return;
    struct line_range *range = malloc(sizeof *range);
    if (!range)
        return;
    *range = (struct line_range){first, first + count - 1};
    vec_push(&file->ranges, range);
}

/* "@@ -a[,b] +c[,d] @@": the new side's first line and count. */
static bool parse_hunk(const char *line, unsigned *first, unsigned *count)
{
    const char *plus = strstr(line, " +");
    if (!plus)
        return false;
    char *end;
    unsigned long start = strtoul(plus + 2, &end, 10);
    unsigned long lines = 1;
    if (*end == ',')
        lines = strtoul(end + 1, &end, 10);
    if (*end != ' ')
        return false;
    *first = (unsigned)start;
    *count = (unsigned)lines;
    return true;
}

struct changed_lines *diff_parse(const char *top, const char *diff_text)
{
    struct changed_lines *lines = calloc(1, sizeof *lines);
    if (!lines)
        return NULL;
    struct changed_file *current = NULL;
    const char *cursor = diff_text;
    while (*cursor) {
        const char *newline = strchr(cursor, '\n');
        size_t length = newline ? (size_t)(newline - cursor) : strlen(cursor);
        char *line = strndup(cursor, length);
        if (!line)
            break;
        unsigned first, count;
        if (strncmp(line, "+++ ", 4) == 0) {
            /* "+++ b/path" or "+++ /dev/null" (a deleted file: nothing to report). */
            current = strncmp(line + 4, "b/", 2) == 0 ? add_file(lines, top, line + 6) : NULL;
        } else if (current && strncmp(line, "@@ ", 3) == 0 && parse_hunk(line, &first, &count)) {
            add_range(current, first, count);
        }
        free(line);
        cursor += length + (newline ? 1 : 0);
    }
    return lines;
}

static bool ref_resolves(const char *ref)
{
    char *argv[] = {"git", "rev-parse", "--verify", "--quiet", (char *)ref, NULL};
    char *output = run_git(argv);
    bool resolves = output != NULL; /* decided before the free: a freed pointer is indeterminate */
    free(output);
    return resolves;
}

struct changed_lines *diff_load(const char *ref, char **error)
{
    char *top_argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
    char *top = run_git(top_argv);
    if (!top) {
        *error = format_error("--diff: %s is not inside a git repository", ".");
        return NULL;
    }
    strip_newline(top);
    if (!ref)
        ref = ref_resolves("HEAD") ? "HEAD" : EMPTY_TREE;
    else if (!ref_resolves(ref)) {
        free(top);
        *error = format_error("--diff: unknown git revision '%s'", ref);
        return NULL;
    }
    /* Fixed prefixes and no external diff tools, whatever the user's git config says. */
    char *diff_argv[] = {"git", "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
                         "--src-prefix=a/", "--dst-prefix=b/", (char *)ref, "--", NULL};
    char *text = run_git(diff_argv);
    if (!text) {
        free(top);
        *error = format_error("--diff: 'git diff %s' failed", ref);
        return NULL;
    }
    struct changed_lines *lines = diff_parse(top, text);
    free(text);
    free(top);
    if (!lines)
        *error = strdup("--diff: out of memory");
    return lines;
}

bool diff_line_changed(const struct changed_lines *lines, const char *file, unsigned line)
{
    char *path = canonical_path(file);
    if (!path)
        return false;
    bool changed = false;
    for (size_t i = 0; i < lines->files.count && !changed; i++) {
        const struct changed_file *candidate = lines->files.items[i];
        if (!candidate->path || strcmp(candidate->path, path) != 0)
            continue;
        for (size_t r = 0; r < candidate->ranges.count && !changed; r++) {
            const struct line_range *range = candidate->ranges.items[r];
            changed = line >= range->first && line <= range->last;
        }
    }
    free(path);
    return changed;
}

void diff_free(struct changed_lines *lines)
{
    if (!lines)
        return;
    for (size_t i = 0; i < lines->files.count; i++) {
        struct changed_file *file = lines->files.items[i];
        for (size_t r = 0; r < file->ranges.count; r++)
            free(file->ranges.items[r]);
        vec_free(&file->ranges);
        free(file->path);
        free(file);
    }
    vec_free(&lines->files);
    free(lines);
}
