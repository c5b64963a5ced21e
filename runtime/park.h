/* park.h (internal): the one way a libfearless thread waits: a futex on a 32-bit atomic.
 * Every blocking primitive spins briefly (backoff.h) and then parks here. */
#ifndef FEARLESS_PARK_H
#define FEARLESS_PARK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* A point in CLOCK_MONOTONIC time. */
typedef struct timespec fl_deadline;

/* The deadline timeout_ms from now. */
fl_deadline fl_deadline_after_ms(unsigned timeout_ms);
bool fl_deadline_passed(const fl_deadline *deadline);

/* Sleeps while *word == expected, until woken or the deadline (NULL: none) passes.
 * May return spuriously. Returns false only when the deadline has passed. */
bool fl_park(_Atomic uint32_t *word, uint32_t expected, const fl_deadline *deadline);
/* Wakes up to one / all threads parked on word; unpark_one says whether it woke one. */
bool fl_unpark_one(_Atomic uint32_t *word);
void fl_unpark_all(_Atomic uint32_t *word);

#endif
