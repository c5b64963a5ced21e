/* Mirrors Rust listings 16-6 and 16-8 ("Using Message Passing to Transfer Data"):
 *
 *     let (tx, rx) = mpsc::channel();
 *     thread::spawn(move || { let val = String::from("hi"); tx.send(val).unwrap(); });
 *     let received = rx.recv().unwrap();
 *     println!("Got: {}", received);
 *
 * Mapping: mpsc::channel() -> fl_channel carrying `char *` (an owned heap string, like
 * String); the `move` closure owns tx -> tx is the MOVED spawn arg of send_greeting,
 * which drops it when done (the closure dropping tx). tx.send(val) -> fl_send(tx, &val):
 * on success `val` is moved into the channel and this thread must not touch it again;
 * on failure it is still ours and we free it. rx.recv() -> fl_recv; the receiver owns
 * what it got and frees it. Unlike the listing, main also joins the thread, as a careful
 * program does, and drops the receiver at the end. */
// expected-no-diagnostics
#include <fearless/runtime.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *send_greeting(void *arg) {
    fl_sender *tx = arg;
    fl_status status = FL_NOMEM;
    char *val = strdup("hi");
    if (val != NULL) {
        status = fl_send(tx, &val);
        if (status != FL_OK)
            free(val); /* not sent: the value is still ours */
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
    status = fl_spawn(&handle, send_greeting, tx);
    if (status != FL_OK) {
        fprintf(stderr, "spawn failed: %s\n", fl_status_str(status));
        fl_receiver_drop(rx);
        return 1;
    }

    char *received = NULL;
    status = fl_recv(rx, &received);
    if (status == FL_OK) {
        printf("Got: %s\n", received);
        free(received);
    } else {
        fprintf(stderr, "recv failed: %s\n", fl_status_str(status));
    }
    fl_receiver_drop(rx);

    void *sent = NULL;
    if (fl_join(handle, &sent) != FL_OK || sent != (void *)(intptr_t)FL_OK)
        return 1;
    return status == FL_OK ? 0 : 1;
}
