/* Rust: a channel of `Rc<i32>` whose other end is on another thread is E0277, "`Rc<i32>`
 * cannot be sent between threads safely" (rustc reports it at the spawn: mpsc::Sender<T> is
 * Send only when T is). fl_sender is not generic, so the value is checked where it enters
 * the channel: fl_send's value is THREAD_ARG MOVED_IF(FL_OK). An fl_rc (NOT_SEND) may not
 * go through it; an fl_arc (SEND) may, like Arc<i32>. */
#include <fearless/arc.h>
#include <fearless/chan.h>
#include <fearless/rc.h>
#include <fearless/thread.h>

void send_rc(fl_sender *tx)
{
    fl_rc *rc = fl_rc_new(sizeof(int), NULL);
    if (!rc)
        return;
    if (fl_send(tx, &rc) != FL_OK) // expected-error {{'fl_rc *' cannot be sent between threads safely}} expected-note {{'fl_rc *' is marked NOT_SEND}} expected-note {{required because 'fl_send' hands it to another thread}} expected-note {{help: use a SEND type (fl_arc instead of fl_rc)}}
        fl_rc_drop(rc);
}

void send_arc(fl_sender *tx)
{
    fl_arc *arc = fl_arc_new(sizeof(int), NULL);
    if (!arc)
        return;
    if (fl_send(tx, &arc) != FL_OK)
        fl_arc_drop(arc);
}
