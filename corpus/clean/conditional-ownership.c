// expected-no-diagnostics
/* Conditional ownership: callees that keep or free their argument only on success (the
 * caller frees on failure), sends tested through a status variable or an early return,
 * a FILE reopened in a loop, realloc into the same pointer. */
#include <fearless/chan.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

struct store { void *slots[8]; int n; };

/* takes ownership only when it returns 0 */
static int store_put(struct store *s, char *item)
{
    if (s->n == 8)
        return -1;
    s->slots[s->n++] = item;
    return 0;
}

/* frees item only when it succeeds */
static int consume(char *item)
{
    if (!item[0])
        return -1;
    puts(item);
    free(item);
    return 0;
}

int put_or_free(struct store *s, char *item)
{
    if (store_put(s, item) != 0) {
        free(item);
        return -1;
    }
    return 0;
}

int consume_or_free(char *item)
{
    if (consume(item) != 0) {
        free(item);
        return -1;
    }
    return 0;
}


int send_status(fl_sender *tx, int *value)
{
    fl_status st = fl_send(tx, &value);
    if (st != FL_OK) {
        free(value);
        return -1;
    }
    return 0;
}

int send_early(fl_sender *tx, int *value)
{
    if (fl_send(tx, &value) == FL_OK)
        return 0;
    free(value);
    return -1;
}

int reopen(const char **paths, int n)
{
    int lines = 0;
    FILE *f = NULL;
    for (int i = 0; i < n; i++) {
        if (f)
            fclose(f);
        f = fopen(paths[i], "r");
        if (!f)
            continue;
        int c;
        while ((c = fgetc(f)) != EOF)
            lines += c == '\n';
    }
    if (f)
        fclose(f);
    return lines;
}

char *grow(char *buf, size_t *cap)
{
    while (*cap < 1024) {
        *cap *= 2;
        buf = realloc(buf, *cap);
        if (!buf)
            return NULL;
    }
    return buf;
}
