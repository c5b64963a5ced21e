/* Releasing a lock that is not held: twice on one path, or once more after an error path
 * already released it. */
#include <pthread.h>
#include <fearless.h>

void release_twice(void)
{
    pthread_mutex_t m;
    pthread_mutex_init(&m, NULL);
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m); // expected-note {{'m' already released here}}
    pthread_mutex_unlock(&m); // expected-error {{releasing 'm' that is not held}} expected-note {{help: release a lock once for each time it was acquired}}
    pthread_mutex_destroy(&m);
}

static pthread_mutex_t g = PTHREAD_MUTEX_INITIALIZER;

int step(int err)
{
    pthread_mutex_lock(&g);
    if (err)
        pthread_mutex_unlock(&g); // expected-note {{'g' already released here}}
    pthread_mutex_unlock(&g); // expected-error {{releasing 'g' that is not held on some paths}} expected-note {{help: release a lock once}}
    return err;
}

void never_locked(void)
{
    pthread_mutex_t local = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_unlock(&local); // expected-error {{releasing 'local' that is not held}} expected-note {{no path to this release holds 'local'}} expected-note {{help: acquire the lock before releasing it, or remove this release}}
}
