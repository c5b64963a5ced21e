/* SYNC claims that hold: const, _Atomic, guarded members and locks; UNSAFE_SYNC is
 * accepted unchecked. */
#include <fearless.h>
#include <fearless/mutex.h>
#include <stdatomic.h>

struct SYNC counters {
    const int id;
    _Atomic long hits;
    fl_mutex lock;
    long misses GUARDED_BY(lock);
};

struct UNSAFE_SYNC legacy {
    long raw;
};

struct SYNC outer {
    struct counters inner;
    const char *const name;
};

long read_all(struct counters *counters, struct legacy *legacy, struct outer *outer)
{
    return counters->hits + legacy->raw + outer->inner.id;
}
// expected-no-diagnostics
