/* Wrong twin of clean/conditional-ownership.c send_status(): the status test is inverted,
 * so the value is freed exactly when the channel took it (Rust: E0382). */
#include <fearless/chan.h>
#include <stdlib.h>

int send_status_inverted(fl_sender *tx, int *value)
{
    fl_status st = fl_send(tx, &value); // expected-note {{value moved here, by the call to 'fl_send'}}
    if (st == FL_OK) {
        free(value); // expected-error {{use of moved value 'value'}} expected-note {{help: send a copy, or stop using 'value' after the send}}
        return -1;
    }
    return 0;
}
