/* thread.c: join handles over pthreads. The handle is owned by the spawner only (the
 * thread itself never touches it), so join or detach frees it exactly once. */
#include <fearless/thread.h>

#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>

struct fl_thread {
    pthread_t id;
};

fl_status fl_spawn(fl_thread **handle, void *(*fn)(void *), void *arg) {
    if (handle == NULL || fn == NULL)
        return FL_INVAL;
    fl_thread *thread = malloc(sizeof *thread);
    if (thread == NULL)
        return FL_NOMEM;
    /* fl_thread_fn has pthread's start-routine type: no trampoline, no shared state. */
    if (pthread_create(&thread->id, NULL, fn, arg) != 0) {
        free(thread);
        return FL_NOMEM;
    }
    *handle = thread;
    return FL_OK;
}

fl_status fl_join(fl_thread *handle, void **ret) {
    if (handle == NULL)
        return FL_INVAL;
    void *value = NULL;
    int rc = pthread_join(handle->id, &value);
    free(handle);
    if (rc != 0)
        return FL_INVAL;
    if (ret != NULL)
        *ret = value;
    return FL_OK;
}

fl_status fl_detach(fl_thread *handle) {
    if (handle == NULL)
        return FL_INVAL;
    int rc = pthread_detach(handle->id);
    free(handle);
    return rc == 0 ? FL_OK : FL_INVAL;
}

void fl_sleep_ms(unsigned ms) {
    struct timespec left = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
    while (nanosleep(&left, &left) != 0) {
        /* interrupted by a signal: sleep the rest */
    }
}

void fl_yield(void) {
    sched_yield();
}
