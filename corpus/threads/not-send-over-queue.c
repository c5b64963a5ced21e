/* A queue whose push hands the value to another thread (THREAD_ARG): a NOT_SEND value
 * may not go through it, a SEND one may. */
#include <fearless.h>
#include <fearless/arc.h>
#include <fearless/rc.h>

struct queue;
int queue_push(struct queue *queue, void *value THREAD_ARG MOVED_IF(0));

void push_counters(struct queue *queue, fl_rc *local, fl_arc *shared)
{
    if (queue_push(queue, &local) != 0) // expected-error {{cannot be sent between threads safely}} expected-note {{is marked NOT_SEND}} expected-note {{required because 'queue_push' hands it to another thread}} expected-note {{help: use a SEND type}}
        fl_rc_drop(local);
    if (queue_push(queue, &shared) != 0)
        fl_arc_drop(shared);
}
