/* Mirrors Rust listing 16-11 ("Creating Multiple Producers by Cloning the Transmitter"):
 *
 *     let (tx, rx) = mpsc::channel();
 *     let tx1 = tx.clone();
 *     thread::spawn(move || { for val in ["hi", "from", "the", "thread"] {
 *         tx1.send(val).unwrap(); thread::sleep(1s); } });
 *     thread::spawn(move || { for val in ["more", "messages", "for", "you"] {
 *         tx.send(val).unwrap(); thread::sleep(1s); } });
 *     for received in rx { println!("Got: {}", received); }
 *
 * Mapping: tx.clone() -> fl_sender_clone; each `move` closure -> its own thread function
 * that receives its sender as the MOVED spawn arg and drops it when done. Each value is a
 * strdup'ed `char *` (an owned String) moved into the channel by fl_send. The receive
 * loop ends with FL_DISCONNECTED once both senders are dropped. Sleeps shortened to 1 ms;
 * main joins both threads and drops rx. */
// expected-no-diagnostics
#include <fearless/runtime.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sends copies of `count` words, then drops the sender it owns. */
static fl_status send_words(fl_sender *tx, const char *const *words, size_t count) {
    fl_status status = FL_OK;
    for (size_t i = 0; i < count && status == FL_OK; i++) {
        char *val = strdup(words[i]);
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
    return status;
}

static void *send_first_words(void *arg) {
    static const char *const vals[] = {"hi", "from", "the", "thread"};
    return (void *)(intptr_t)send_words(arg, vals, sizeof vals / sizeof vals[0]);
}

static void *send_more_words(void *arg) {
    static const char *const vals[] = {"more", "messages", "for", "you"};
    return (void *)(intptr_t)send_words(arg, vals, sizeof vals / sizeof vals[0]);
}

static int join_ok(fl_thread *handle) {
    void *sent = NULL;
    return fl_join(handle, &sent) == FL_OK && sent == (void *)(intptr_t)FL_OK;
}

int main(void) {
    fl_sender *tx = NULL;
    fl_receiver *rx = NULL;
    fl_status status = fl_channel(&tx, &rx, sizeof(char *));
    if (status != FL_OK) {
        fprintf(stderr, "channel failed: %s\n", fl_status_str(status));
        return 1;
    }

    fl_sender *tx1 = NULL;
    status = fl_sender_clone(tx, &tx1);
    if (status != FL_OK) {
        fprintf(stderr, "sender clone failed: %s\n", fl_status_str(status));
        fl_sender_drop(tx);
        fl_receiver_drop(rx);
        return 1;
    }

    fl_thread *first = NULL;
    status = fl_spawn(&first, send_first_words, tx1);
    if (status != FL_OK) {
        fprintf(stderr, "spawn failed: %s\n", fl_status_str(status));
        fl_sender_drop(tx);
        fl_receiver_drop(rx);
        return 1;
    }

    fl_thread *second = NULL;
    status = fl_spawn(&second, send_more_words, tx);
    if (status != FL_OK) {
        fprintf(stderr, "spawn failed: %s\n", fl_status_str(status));
        fl_receiver_drop(rx);
        join_ok(first);
        return 1;
    }

    char *received = NULL;
    while ((status = fl_recv(rx, &received)) == FL_OK) {
        printf("Got: %s\n", received);
        free(received);
    }
    fl_receiver_drop(rx);

    int first_ok = join_ok(first);
    int second_ok = join_ok(second);
    return first_ok && second_ok && status == FL_DISCONNECTED ? 0 : 1;
}
