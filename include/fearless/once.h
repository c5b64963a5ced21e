/* once.h: run a function exactly once (std::sync::Once). */
#ifndef FEARLESS_ONCE_H
#define FEARLESS_ONCE_H

#include <fearless.h>
#include <stdint.h>

typedef struct fl_once {
    _Atomic uint32_t state; /* 0 new, 1 running, 2 running with waiters, 3 done */
} fl_once;
#define FL_ONCE_INIT {0}

/* The first caller runs fn; every caller returns only after fn has finished. */
void fl_once_call(fl_once *o, void (*fn)(void));

#endif
