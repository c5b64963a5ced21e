// expected-no-diagnostics
/* Channel shapes: a sender clone moved straight into each worker, a result channel whose
 * receiver is moved to a collector thread, messages built fresh each iteration, a
 * try_recv polling loop, and a worker that owns its receiver. */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
    int id;
    char *payload;
};

static void *collect(void *arg)
{
    fl_receiver *rx = arg;
    struct job *job;
    int seen = 0;
    for (;;) {
        fl_status st = fl_try_recv(rx, &job);
        if (st == FL_EMPTY) {
            fl_yield();
            continue;
        }
        if (st != FL_OK)
            break;
        seen++;
        free(job->payload);
        free(job);
    }
    fl_receiver_drop(rx);
    printf("%d\n", seen);
    return NULL;
}

static void *produce(void *arg)
{
    fl_sender *tx = arg;
    for (int i = 0; i < 5; i++) {
        struct job *job = malloc(sizeof *job);
        if (!job)
            break;
        job->id = i;
        job->payload = malloc(16);
        if (!job->payload) {
            free(job);
            break;
        }
        snprintf(job->payload, 16, "job %d", i);
        fl_status st = fl_send(tx, &job);
        if (st != FL_OK) {
            free(job->payload);
            free(job);
            break;
        }
    }
    fl_sender_drop(tx);
    return NULL;
}

int main(void)
{
    fl_sender *tx;
    fl_receiver *rx;
    if (fl_channel(&tx, &rx, sizeof(struct job *)) != FL_OK)
        return 1;
    fl_thread *collector;
    if (fl_spawn(&collector, collect, rx) != FL_OK) {
        fl_receiver_drop(rx);
        fl_sender_drop(tx);
        return 1;
    }
    fl_thread *workers[3];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        fl_sender *clone;
        if (fl_sender_clone(tx, &clone) != FL_OK)
            break;
        if (fl_spawn(&workers[n], produce, clone) != FL_OK) {
            fl_sender_drop(clone);
            break;
        }
        n++;
    }
    fl_sender_drop(tx);
    while (n > 0)
        fl_join(workers[--n], NULL);
    fl_join(collector, NULL);
    return 0;
}
