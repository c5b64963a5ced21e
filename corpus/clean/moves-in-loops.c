// expected-no-diagnostics
/* Moves in loops: a fresh value per iteration, a move then break, continue after a free,
 * retrying a send that failed (the value stays with the caller). */
#include <fearless/chan.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sink(char *s MOVED);
char *next_item(void);

void drain(void)
{
    char *item;
    while ((item = next_item()) != NULL)
        sink(item);
}

int send_first_match(fl_sender *tx, char **items, int n)
{
    for (int i = 0; i < n; i++) {
        if (strchr(items[i], '!')) {
            char *copy = strdup(items[i]);
            if (!copy)
                return -1;
            if (fl_send(tx, &copy) != FL_OK)
                free(copy);
            break;
        }
    }
    return 0;
}

void filter(fl_sender *tx, int n)
{
    char *buf = NULL;
    for (int i = 0; i < n; i++) {
        buf = malloc(32);
        if (!buf)
            break;
        snprintf(buf, 32, "%d", i);
        if (i % 2) {
            free(buf);
            continue;
        }
        if (fl_send(tx, &buf) != FL_OK) {
            free(buf);
            break;
        }
    }
}

void pass_along(char *s MOVED)
{
    if (strlen(s) > 3) {
        sink(s);
        return;
    }
    free(s);
}

void retry_send(fl_sender *tx, char *msg)
{
    for (int attempt = 0; attempt < 3; attempt++) {
        fl_status st = fl_try_send(tx, &msg);
        if (st == FL_OK)
            return;
        if (st != FL_FULL)
            break;
    }
    free(msg);
}
