/* fl_arc is SEND and SYNC: sending a clone over a channel is fine. */
#include <fearless/arc.h>
#include <fearless/chan.h>

int share(fl_sender *tx, fl_arc *shared)
{
    fl_arc *clone = fl_arc_clone(shared);
    if (fl_send(tx, &clone) != FL_OK) {
        fl_arc_drop(clone);
        return -1;
    }
    return 0;
}
// expected-no-diagnostics
