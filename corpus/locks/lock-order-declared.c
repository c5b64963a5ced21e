/* ACQUIRED_AFTER / ACQUIRED_BEFORE declare the order; taking the locks the other way
 * round is reported even when no other function in the file shows the opposite order. */
#include <pthread.h>
#include <fearless.h>

struct device {
    pthread_mutex_t state_mu;
    pthread_mutex_t io_mu ACQUIRED_AFTER(state_mu); // expected-note {{'io_mu' is declared to be acquired after it}}
    int state GUARDED_BY(state_mu);
    int pending GUARDED_BY(io_mu);
};

void flush(struct device *d)
{
    pthread_mutex_lock(&d->io_mu); // expected-note {{'d->io_mu' acquired here first}}
    pthread_mutex_lock(&d->state_mu); // expected-warning {{acquiring 'd->state_mu' while holding 'd->io_mu' violates the declared lock order}} expected-note {{help: acquire 'd->state_mu' before 'd->io_mu'}}
    d->state = d->pending;
    pthread_mutex_unlock(&d->state_mu);
    pthread_mutex_unlock(&d->io_mu);
}

void flush_right(struct device *d)
{
    pthread_mutex_lock(&d->state_mu);
    pthread_mutex_lock(&d->io_mu);
    d->state = d->pending;
    pthread_mutex_unlock(&d->io_mu);
    pthread_mutex_unlock(&d->state_mu);
}

static pthread_mutex_t config_mu;
static pthread_mutex_t log_mu ACQUIRED_AFTER(config_mu); // expected-note {{'log_mu' is declared to be acquired after it}}

void reconfigure(void)
{
    pthread_mutex_lock(&log_mu); // expected-note {{'log_mu' acquired here first}}
    pthread_mutex_lock(&config_mu); // expected-warning {{acquiring 'config_mu' while holding 'log_mu' violates the declared lock order}} expected-note {{help: acquire 'config_mu' before 'log_mu'}}
    pthread_mutex_unlock(&config_mu);
    pthread_mutex_unlock(&log_mu);
}
