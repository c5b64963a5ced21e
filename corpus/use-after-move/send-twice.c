/* Sending the same value twice: the second send moves a value the receiver owns. */
#include <fearless/chan.h>
#include <stdlib.h>

void send_twice(fl_sender *tx, char *text)
{
    if (fl_send(tx, &text) != FL_OK) { // expected-note {{value moved here, by the call to 'fl_send'}}
        free(text);
        return;
    }
    fl_send(tx, &text); // expected-error {{use of moved value 'text'}} expected-note {{help: send a copy, or stop using 'text' after the send}}
}
