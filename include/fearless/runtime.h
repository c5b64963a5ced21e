/* runtime.h: all of libfearless. */
#ifndef FEARLESS_RUNTIME_H
#define FEARLESS_RUNTIME_H

#include <fearless/arc.h>
#include <fearless/barrier.h>
#include <fearless/chan.h>
#include <fearless/condvar.h>
#include <fearless/mutex.h>
#include <fearless/once.h>
#include <fearless/rc.h>
#include <fearless/rwlock.h>
#include <fearless/status.h>
#include <fearless/thread.h>

#endif
