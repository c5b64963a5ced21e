/* The seeds' "sending multiple values" example, done right: each message is a fresh
 * string, sent and never touched again; a failed send hands it back and it is freed.
 * Clean, as with rustc. */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *producer(void *arg)
{
    fl_sender *tx = arg;
    const char *words[] = {"hi", "from", "the", "thread"};
    for (int i = 0; i < 4; i++) {
        char *val = strdup(words[i]);
        if (!val)
            break;
        if (fl_send(tx, &val) != FL_OK)
            free(val);
        fl_sleep_ms(1);
    }
    fl_sender_drop(tx);
    return NULL;
}

int main(void)
{
    fl_sender *tx;
    fl_receiver *rx;
    if (fl_channel(&tx, &rx, sizeof(char *)) != FL_OK)
        return 1;
    fl_thread *handle;
    if (fl_spawn(&handle, producer, tx) != FL_OK) {
        fl_sender_drop(tx);
        fl_receiver_drop(rx);
        return 1;
    }
    char *received;
    while (fl_recv(rx, &received) == FL_OK) {
        printf("Got: %s\n", received);
        free(received);
    }
    fl_join(handle, NULL);
    fl_receiver_drop(rx);
    return 0;
}
// expected-no-diagnostics
