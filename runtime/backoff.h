/* backoff.h (internal): exponential spinning before a thread parks (as crossbeam's
 * Backoff): spin 2^step pauses, then yield the CPU, then tell the caller to park. */
#ifndef FEARLESS_BACKOFF_H
#define FEARLESS_BACKOFF_H

#include <sched.h>
#include <stdbool.h>

enum { BACKOFF_SPIN_LIMIT = 6, BACKOFF_YIELD_LIMIT = 10 };

typedef struct backoff {
    unsigned step;
} backoff;

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* After a failed CAS: others made progress, retry soon. */
static inline void backoff_spin(backoff *b) {
    unsigned limit = b->step < BACKOFF_SPIN_LIMIT ? b->step : BACKOFF_SPIN_LIMIT;
    for (unsigned i = 0; i < (1u << limit); i++)
        cpu_relax();
    if (b->step <= BACKOFF_SPIN_LIMIT)
        b->step++;
}

/* While waiting for another thread: spin, then yield. */
static inline void backoff_snooze(backoff *b) {
    if (b->step <= BACKOFF_SPIN_LIMIT) {
        for (unsigned i = 0; i < (1u << b->step); i++)
            cpu_relax();
    } else {
        sched_yield();
    }
    if (b->step <= BACKOFF_YIELD_LIMIT)
        b->step++;
}

/* True once spinning stopped paying off: park instead. */
static inline bool backoff_completed(const backoff *b) {
    return b->step > BACKOFF_YIELD_LIMIT;
}

#endif
