/* fclose moves the stream. */
#include <stdio.h>

void write_after_close(FILE *out)
{
    fputs("header\n", out);
    fclose(out); // expected-note {{value moved here, by the call to 'fclose'}}
    fputs("body\n", out); // expected-error {{use of moved value 'out'}} expected-note {{help: stop using 'out' after the call to 'fclose'}}
}
