/* barrier.h: a reusable barrier for a fixed number of threads (std::sync::Barrier). */
#ifndef FEARLESS_BARRIER_H
#define FEARLESS_BARRIER_H

#include <fearless.h>
#include <fearless/status.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct fl_barrier {
    uint32_t count;              /* threads per round; set once by fl_barrier_init */
    _Atomic uint32_t arrived;    /* threads arrived in the current round */
    _Atomic uint32_t generation; /* bumped when a round completes */
} fl_barrier;

fl_status fl_barrier_init(fl_barrier *b, unsigned count); /* count 0 -> FL_INVAL */
/* Blocks until count threads have called it; true in exactly one thread per round. */
bool fl_barrier_wait(fl_barrier *b);

#endif
