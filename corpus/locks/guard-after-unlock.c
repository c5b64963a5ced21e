/* fl_mutex_of hands out its data only through the guard pointer lock() returns; the
 * pointer dies with the lock, like Rust's MutexGuard. */
#include <fearless/mutex.h>

static fl_mutex_of counter;

void bump(void)
{
    int *n = fl_mutex_of_lock(&counter); // expected-note {{'n' points into data guarded by 'counter.lock'}}
    *n += 1;
    fl_mutex_of_unlock(&counter); // expected-note {{'counter.lock' released here}}
    *n += 1; // expected-error {{use of 'n' after 'counter.lock' was released}} expected-note {{help: use 'n' only while 'counter.lock' is held}}
}

void bump_right(void)
{
    int *n = fl_mutex_of_lock(&counter);
    *n += 1;
    fl_mutex_of_unlock(&counter);
    n = fl_mutex_of_lock(&counter);
    *n += 1;
    fl_mutex_of_unlock(&counter);
}
