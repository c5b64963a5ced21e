/* use-after-move: a value used after ownership left it (Rust E0382). */
#include <stdio.h>

#include "checks/check.h"

static const char explanation[] =
    "A value was used after it was moved (E0382).\n"
    "\n"
    "A function annotated FL_MOVED (or free, fclose, a channel send that succeeded,\n"
    "a thread spawn that takes ownership) consumes its argument: after the call the\n"
    "caller no longer owns the value and must not use it.\n"
    "\n"
    "Wrong:\n"
    "    char *val = strdup(\"hi\");\n"
    "    if (fl_send(tx, &val) == FL_OK)\n"
    "        printf(\"%s\\n\", val);   /* val now belongs to the receiver */\n"
    "\n"
    "Right:\n"
    "    char *val = strdup(\"hi\");\n"
    "    printf(\"%s\\n\", val);\n"
    "    if (fl_send(tx, &val) != FL_OK)\n"
    "        free(val);\n";

const struct check check_use_after_move = {
    .name = "use-after-move",
    .severity = SEVERITY_ERROR,
    .summary = "use of a value after it was moved (freed, sent, given to a thread)",
    .explanation = explanation,
};
