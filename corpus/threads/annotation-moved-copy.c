/* MOVED on a parameter of a type that holds no pointer: nothing can move. */
#include <fearless.h>

void close_descriptor(int fd MOVED); // expected-error {{annotation MOVED on parameter 'fd' of 'close_descriptor' has no effect: its type 'int' owns nothing that could move}} expected-note {{help: remove the annotation}}

void release_buffer(char *buffer MOVED);
