/* SYNC is checked: a plain mutable member makes the claim false. */
#include <fearless.h>
#include <fearless/mutex.h>
#include <stdatomic.h>

struct SYNC stats {
    _Atomic long hits;
    long misses; // expected-error {{'struct stats' is marked SYNC, but its member 'misses' is neither const, _Atomic, guarded, a lock, nor of a SYNC type}} expected-note {{help: make 'misses' _Atomic or const}}
}; // expected-note@-3 {{'struct stats' is marked SYNC here}}

long total(struct stats *stats)
{
    return stats->hits + stats->misses;
}
