/* A sender used in a loop and dropped once after it; a try_send retried until not full. */
#include <fearless/chan.h>
#include <fearless/thread.h>
#include <stdlib.h>
#include <string.h>

void produce(fl_sender *tx, int count)
{
    for (int i = 0; i < count; i++) {
        char *message = strdup("tick");
        if (!message)
            break;
        fl_status status;
        while ((status = fl_try_send(tx, &message)) == FL_FULL)
            fl_yield();
        if (status != FL_OK)
            free(message);
    }
    fl_sender_drop(tx);
}
// expected-no-diagnostics
