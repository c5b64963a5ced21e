/* Wrong twin of clean/moved-flags.c: the flag is tested the wrong way round, so the value
 * is freed exactly when the channel took it. */
#include <fearless/chan.h>
#include <stdbool.h>
#include <stdlib.h>

int send_then_free(fl_sender *tx, int *value)
{
    bool sent = false;
    if (fl_send(tx, &value) == FL_OK) // expected-note {{value moved here, by the call to 'fl_send'}}
        sent = true;
    if (sent)
        free(value); // expected-error {{use of possibly-moved value 'value'}} expected-note {{help: send a copy, or stop using 'value' after the send}}
    return sent ? 0 : -1;
}
