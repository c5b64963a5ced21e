/* status.h: the one status enum every libfearless call returns. */
#ifndef FEARLESS_STATUS_H
#define FEARLESS_STATUS_H

#include <fearless.h>

typedef enum fl_status {
    FL_OK = 0,       /* done */
    FL_DISCONNECTED, /* the other side of the channel is gone */
    FL_EMPTY,        /* try_recv: nothing to receive now */
    FL_FULL,         /* try_send: no room (or no receiver waiting on a rendezvous) */
    FL_TIMEOUT,      /* the deadline passed first */
    FL_NOMEM,        /* allocation or thread creation failed */
    FL_INVAL         /* bad argument (NULL handle, zero size, ...) */
} fl_status;

/* "FL_OK", "FL_DISCONNECTED", ...; an unknown value gives "FL_?". */
const char *fl_status_str(fl_status s);

#endif
