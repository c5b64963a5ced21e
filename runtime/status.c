/* status.c: names of status codes. */
#include <fearless/status.h>

const char *fl_status_str(fl_status s) {
    switch (s) {
    case FL_OK: return "FL_OK";
    case FL_DISCONNECTED: return "FL_DISCONNECTED";
    case FL_EMPTY: return "FL_EMPTY";
    case FL_FULL: return "FL_FULL";
    case FL_TIMEOUT: return "FL_TIMEOUT";
    case FL_NOMEM: return "FL_NOMEM";
    case FL_INVAL: return "FL_INVAL";
    }
    return "FL_?";
}
