/* An annotation string the checker cannot use is an error where it is written. */
#include <fearless.h>

int send_item(char *item FL_MOVED_IF(NO_SUCH_CONSTANT)); // expected-error {{malformed annotation 'moved_if:NO_SUCH_CONSTANT'}} expected-note {{help: see annotations/fearless.h}}
