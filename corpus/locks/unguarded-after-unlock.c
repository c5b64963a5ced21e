/* Reading guarded data after the unlock: the note shows where the lock was released. */
#include <pthread.h>
#include <fearless.h>

struct stats {
    pthread_mutex_t mu;
    unsigned long hits GUARDED_BY(mu); // expected-note {{'hits' is guarded by 'mu'}}
};

unsigned long record_hit(struct stats *s)
{
    pthread_mutex_lock(&s->mu);
    s->hits++;
    pthread_mutex_unlock(&s->mu); // expected-note {{'s->mu' released here}}
    return s->hits; // expected-error {{reading 's->hits' requires holding 's->mu'}} expected-note {{help: lock 's->mu' around this access}}
}
