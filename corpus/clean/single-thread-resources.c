// expected-no-diagnostics
/* Ordinary single-threaded resource handling: goto cleanup, realloc growth loop, fclose
 * on every branch, a linked list freed in a loop, callbacks through function pointers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    struct node *next;
    char *text;
};

static void free_list(struct node *head)
{
    struct node *p = head;
    while (p) {
        struct node *next = p->next;
        free(p->text);
        free(p);
        p = next;
    }
}

static int push_line(struct node **head, const char *line)
{
    struct node *n = malloc(sizeof *n);
    if (!n)
        return -1;
    n->text = strdup(line);
    if (!n->text) {
        free(n);
        return -1;
    }
    n->next = *head;
    *head = n;
    return 0;
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 64, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (n + 1 >= cap) {
            cap *= 2;
            char *bigger = realloc(buf, cap);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
        }
        buf[n++] = (char)c;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int count_lines(const char *path, long *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t len;
    char *text = read_all(f, &len);
    if (!text) {
        fclose(f);
        return -1;
    }
    if (len == 0) {
        free(text);
        fclose(f);
        *out = 0;
        return 0;
    }
    long lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    free(text);
    fclose(f);
    *out = lines;
    return 0;
}

int load(const char *path, struct node **out)
{
    int rc = -1;
    struct node *head = NULL;
    char *line = NULL;
    FILE *f = fopen(path, "r");
    if (!f)
        goto out;
    line = malloc(256);
    if (!line)
        goto out_close;
    while (fgets(line, 256, f))
        if (push_line(&head, line) != 0)
            goto out_free;
    *out = head;
    head = NULL;
    rc = 0;
out_free:
    free(line);
    free_list(head);
out_close:
    fclose(f);
out:
    return rc;
}

typedef void (*visit_fn)(void *ctx, const char *text);

static void each(struct node *head, visit_fn fn, void *ctx)
{
    for (struct node *p = head; p; p = p->next)
        fn(ctx, p->text);
}

static void tally(void *ctx, const char *text) { *(size_t *)ctx += strlen(text); }

int main(int argc, char **argv)
{
    struct node *list = NULL;
    if (argc < 2 || load(argv[1], &list) != 0)
        return 1;
    size_t total = 0;
    each(list, tally, &total);
    free_list(list);
    long lines;
    if (count_lines(argv[1], &lines) == 0)
        printf("%zu %ld\n", total, lines);
    return 0;
}
