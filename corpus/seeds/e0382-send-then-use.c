/* The seeds' ownership-transference example: after `tx.send(val)` the value belongs to
 * the receiver, and `println!("val is {}", val)` is E0382. In C fl_send's value is
 * MOVED_IF(FL_OK): once the send succeeded, val may not be used. */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *producer(void *arg)
{
    fl_sender *tx = arg;
    char *val = strdup("hi");
    if (!val || fl_send(tx, &val) != FL_OK) { // expected-note {{value moved here, by the call to 'fl_send'}}
        free(val); /* not sent: still ours */
        fl_sender_drop(tx);
        return NULL;
    }
    printf("val is %s\n", val); // expected-error {{use of moved value 'val'}} expected-note {{help: send a copy, or stop using 'val' after the send}}
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
    if (fl_recv(rx, &received) == FL_OK) {
        printf("Got: %s\n", received);
        free(received);
    }
    fl_join(handle, NULL);
    fl_receiver_drop(rx);
    return 0;
}
