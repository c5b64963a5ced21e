/* A read lock lets many readers in at once: writing under it is a race. */
#include <pthread.h>
#include <fearless.h>

struct config {
    pthread_rwlock_t lock;
    int level GUARDED_BY(lock); // expected-note {{'level' is guarded by 'lock'}}
};

int get_level(struct config *c)
{
    pthread_rwlock_rdlock(&c->lock);
    int level = c->level;
    pthread_rwlock_unlock(&c->lock);
    return level;
}

void bump_level(struct config *c)
{
    pthread_rwlock_rdlock(&c->lock); // expected-note {{'c->lock' acquired here}}
    c->level++; // expected-error {{writing 'c->level' requires holding 'c->lock' exclusively, but it is held shared}} expected-note {{help: take the write lock of 'c->lock' around this access}}
    pthread_rwlock_unlock(&c->lock);
}
