/* Mirrors Rust listing 16-10 ("Sending Multiple Values and Seeing the Receiver Waiting"):
 *
 *     let (tx, rx) = mpsc::channel();
 *     thread::spawn(move || {
 *         let vals = vec![String::from("hi"), String::from("from"),
 *                         String::from("the"), String::from("thread")];
 *         for val in vals { tx.send(val).unwrap(); thread::sleep(Duration::from_secs(1)); }
 *     });
 *     for received in rx { println!("Got: {}", received); }
 *
 * Mapping: each String -> a strdup'ed `char *` owned by whoever holds it; the `move`
 * closure owning tx -> send_values gets tx as its MOVED spawn arg and drops it at the end,
 * which is what ends the receiver's loop. `for received in rx` -> calling fl_recv until it
 * returns FL_DISCONNECTED (every sender dropped, queue empty). The one-second sleep is
 * shortened to 1 ms so the test runs fast. main joins the thread and drops rx. */
// expected-no-diagnostics
#include <fearless/runtime.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *send_values(void *arg) {
    static const char *const vals[] = {"hi", "from", "the", "thread"};
    fl_sender *tx = arg;
    fl_status status = FL_OK;
    for (size_t i = 0; i < sizeof vals / sizeof vals[0] && status == FL_OK; i++) {
        char *val = strdup(vals[i]);
        if (val == NULL) {
            status = FL_NOMEM;
            break;
        }
        status = fl_send(tx, &val);
        if (status != FL_OK)
            free(val); /* not sent: the value is still ours */
        fl_sleep_ms(1);
    }
    fl_sender_drop(tx);
    return (void *)(intptr_t)status;
}

int main(void) {
    fl_sender *tx = NULL;
    fl_receiver *rx = NULL;
    fl_status status = fl_channel(&tx, &rx, sizeof(char *));
    if (status != FL_OK) {
        fprintf(stderr, "channel failed: %s\n", fl_status_str(status));
        return 1;
    }

    fl_thread *handle = NULL;
    status = fl_spawn(&handle, send_values, tx);
    if (status != FL_OK) {
        fprintf(stderr, "spawn failed: %s\n", fl_status_str(status));
        fl_receiver_drop(rx);
        return 1;
    }

    char *received = NULL;
    while ((status = fl_recv(rx, &received)) == FL_OK) {
        printf("Got: %s\n", received);
        free(received);
    }
    fl_receiver_drop(rx);

    void *sent = NULL;
    if (fl_join(handle, &sent) != FL_OK || sent != (void *)(intptr_t)FL_OK)
        return 1;
    return status == FL_DISCONNECTED ? 0 : 1;
}
