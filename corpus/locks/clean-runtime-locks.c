/* The runtime's locks carry their contracts in their headers: fl_mutex, fl_rwlock,
 * fl_condvar and the typed fl_mutex_of, whose data is reached through the guard. */
// expected-no-diagnostics
#include <stdbool.h>
#include <fearless.h>
#include <fearless/condvar.h>
#include <fearless/mutex.h>

struct mailbox {
    fl_mutex lock;
    fl_condvar changed;
    int message GUARDED_BY(lock);
    bool full GUARDED_BY(lock);
};

void deliver(struct mailbox *box, int message)
{
    fl_mutex_lock(&box->lock);
    while (box->full)
        fl_condvar_wait(&box->changed, &box->lock);
    box->message = message;
    box->full = true;
    fl_condvar_broadcast(&box->changed);
    fl_mutex_unlock(&box->lock);
}

int collect(struct mailbox *box)
{
    fl_mutex_lock(&box->lock);
    while (!box->full)
        fl_condvar_wait(&box->changed, &box->lock);
    int message = box->message;
    box->full = false;
    fl_condvar_broadcast(&box->changed);
    fl_mutex_unlock(&box->lock);
    return message;
}

int add_to_total(fl_mutex_of *total, int amount)
{
    int *sum = fl_mutex_of_lock(total);
    *sum += amount;
    int now = *sum;
    fl_mutex_of_unlock(total);
    return now;
}
