// expected-no-diagnostics
/* A struct message sent by value (its pointer cleared after), a receiver draining and
 * freeing, C11 and libfearless threads detached with heap arguments they free. */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

struct msg {
    int kind;
    char *text;
};

int send_text(fl_sender *tx, const char *s)
{
    struct msg m = {.kind = 1, .text = strdup(s)};
    if (!m.text)
        return -1;
    if (fl_send(tx, &m) != FL_OK) {
        free(m.text);
        return -1;
    }
    m.text = NULL; /* the channel owns the text now */
    return 0;
}

int drain(fl_receiver *rx)
{
    struct msg m;
    int n = 0;
    while (fl_recv(rx, &m) == FL_OK) {
        free(m.text);
        n++;
    }
    return n;
}

static int background(void *arg)
{
    char *owned = arg;
    int len = (int)strlen(owned);
    free(owned);
    return len;
}

int fire_and_forget(const char *s)
{
    char *copy = strdup(s);
    if (!copy)
        return -1;
    thrd_t t;
    if (thrd_create(&t, background, copy) != thrd_success) {
        free(copy);
        return -1;
    }
    return thrd_detach(t) == thrd_success ? 0 : -1;
}

static void *owner(void *arg)
{
    free(arg);
    return NULL;
}

int fl_fire(void)
{
    int *value = malloc(sizeof *value);
    if (!value)
        return -1;
    *value = 42;
    fl_thread *t;
    if (fl_spawn(&t, owner, value) != FL_OK) {
        free(value);
        return -1;
    }
    return fl_detach(t) == FL_OK ? 0 : -1;
}
