/* UNSAFE_SEND asserts a type may move between threads without checking its members. */
#include <fearless/rc.h>
#include <fearless/thread.h>
#include <stdlib.h>

struct UNSAFE_SEND handoff {
    fl_rc *only_touched_by_one_thread_at_a_time;
};

static void *take(void *arg)
{
    free(arg);
    return NULL;
}

int start(void)
{
    struct handoff *handoff = calloc(1, sizeof *handoff);
    if (!handoff)
        return -1;
    fl_thread *handle;
    if (fl_spawn(&handle, take, handoff) != FL_OK) {
        free(handoff);
        return -1;
    }
    fl_join(handle, NULL);
    return 0;
}
// expected-no-diagnostics
