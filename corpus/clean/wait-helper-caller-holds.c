// expected-no-diagnostics
/* memcached thread.c shape: a static helper waits on a condition variable with the lock
 * its caller holds; it is inferred REQUIRES(init_lock) and its caller checked. */
#include <pthread.h>
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t init_cond = PTHREAD_COND_INITIALIZER;
static int init_count;

static void wait_for_thread_registration(int nthreads) {
    while (init_count < nthreads) {
        pthread_cond_wait(&init_cond, &init_lock);
    }
}

static void register_thread_initialized(void) {
    pthread_mutex_lock(&init_lock);
    init_count++;
    pthread_cond_signal(&init_cond);
    pthread_mutex_unlock(&init_lock);
}

static void *worker(void *arg) { (void)arg; register_thread_initialized(); return NULL; }

void start(int n) {
    pthread_t t;
    for (int i = 0; i < n; i++) {
        pthread_create(&t, NULL, worker, NULL);
        pthread_detach(t);
    }
    pthread_mutex_lock(&init_lock);
    wait_for_thread_registration(n);
    pthread_mutex_unlock(&init_lock);
}
