// expected-no-diagnostics
/* Flags that remember a move: set after a send that succeeded or after a free, tested
 * before freeing what is still owned. */
#include <fearless/chan.h>
#include <stdbool.h>
#include <stdlib.h>
int send_or_free(fl_sender *tx, int *value)
{
    bool sent = false;
    if (fl_send(tx, &value) == FL_OK)
        sent = true;
    if (!sent)
        free(value);
    return sent ? 0 : -1;
}
void give_or_keep(char *p MOVED, int keep)
{
    int given = 0;
    if (!keep) {
        free(p);
        given = 1;
    }
    if (!given)
        free(p);
}
