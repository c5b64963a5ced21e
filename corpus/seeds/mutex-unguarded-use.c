/* The same example with the data touched outside the lock: Rust cannot express it (the
 * data is only reachable through the guard); fearless rejects it. */
#include <pthread.h>
#include <stdio.h>
#include <fearless.h>

struct mutex_int {
    pthread_mutex_t lock;
    int value GUARDED_BY(lock); // expected-note {{'value' is guarded by 'lock'}}
};

int main(void)
{
    struct mutex_int m = {PTHREAD_MUTEX_INITIALIZER, 5};
    pthread_mutex_lock(&m.lock);
    m.value = 6;
    pthread_mutex_unlock(&m.lock); // expected-note {{'m.lock' released here}}
    printf("m = %d\n", m.value); // expected-error {{reading 'm.value' requires holding 'm.lock'}} expected-note {{help: lock 'm.lock' around this access}}
    return 0;
}
