/* A struct holding a NOT_SEND member is not SEND either (like an auto trait). */
#include <fearless/rc.h>
#include <fearless/thread.h>
#include <stdlib.h>

struct cache {
    int hits;
    fl_rc *shared;
};

static void *use_cache(void *arg)
{
    struct cache *cache = arg;
    cache->hits++;
    free(cache);
    return NULL;
}

int start(fl_rc *shared)
{
    struct cache *cache = calloc(1, sizeof *cache);
    if (!cache)
        return -1;
    cache->shared = shared;
    fl_thread *handle;
    if (fl_spawn(&handle, use_cache, cache) != FL_OK) { // expected-error {{'struct cache' cannot be sent between threads safely}} expected-note {{the member 'shared' of 'struct cache' is not SEND}} expected-note {{required because 'fl_spawn' hands it to another thread}} expected-note {{help: use a SEND type}}
        free(cache);
        return -1;
    }
    fl_join(handle, NULL);
    return 0;
}
