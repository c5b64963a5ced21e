// expected-no-diagnostics
/* A libfearless channel pipeline: each producer gets its own sender clone (moved into the
 * thread), sends heap messages by pointer (kept and freed when the send fails), and drops
 * its sender; main drops its own sender and drains the receiver until FL_DISCONNECTED. */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

struct msg {
    int producer;
    int seq;
};

struct producer {
    fl_sender *tx;
    int id;
};

static void *produce(void *arg)
{
    struct producer *self = arg;
    for (int i = 0; i < 10; i++) {
        struct msg *m = malloc(sizeof *m);
        if (!m)
            break;
        m->producer = self->id;
        m->seq = i;
        if (fl_send(self->tx, &m) != FL_OK) {
            free(m);
            break;
        }
    }
    fl_sender_drop(self->tx);
    free(self);
    return NULL;
}

static int start_producer(fl_sender *tx, int id, fl_thread **handle)
{
    struct producer *p = malloc(sizeof *p);
    if (!p)
        return -1;
    p->id = id;
    if (fl_sender_clone(tx, &p->tx) != FL_OK) {
        free(p);
        return -1;
    }
    if (fl_spawn(handle, produce, p) != FL_OK) {
        fl_sender_drop(p->tx);
        free(p);
        return -1;
    }
    return 0;
}

int main(void)
{
    fl_sender *tx;
    fl_receiver *rx;
    if (fl_channel(&tx, &rx, sizeof(struct msg *)) != FL_OK)
        return 1;
    fl_thread *handles[4];
    int started = 0;
    while (started < 4 && start_producer(tx, started, &handles[started]) == 0)
        started++;
    fl_sender_drop(tx);

    long total = 0;
    struct msg *m;
    fl_status st;
    while ((st = fl_recv(rx, &m)) == FL_OK) {
        total += m->seq;
        free(m);
    }
    for (int i = 0; i < started; i++)
        fl_join(handles[i], NULL);
    fl_receiver_drop(rx);
    printf("%ld %d\n", total, st == FL_DISCONNECTED);
    return 0;
}
