/* MOVED on a parameter of a type that holds no pointer: nothing can move. */
#include <fearless.h>

void close_descriptor(int fd MOVED); // expected-error {{MOVED on parameter 'fd' of 'close_descriptor', whose type 'int' owns nothing that could move}} expected-note {{help: remove the annotation}}

void release_buffer(char *buffer MOVED);
