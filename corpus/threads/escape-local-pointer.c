/* A local pointer holding a local's address lends that local; the handle is stored in a
 * global and the function returns: the thread outlives 'buffer'. */
#include <fearless/thread.h>
#include <stdio.h>

static fl_thread *background;

static void *print_text(void *arg)
{
    puts(arg);
    return NULL;
}

void start_printing(void)
{
    char buffer[32] = "hello";
    char *text = buffer;
    fl_spawn(&background, print_text, text); // expected-error {{thread may outlive borrowed value 'buffer'}} expected-note {{'buffer' is lent to the thread spawned here by 'fl_spawn'}} expected-note {{help: join the thread before 'buffer' goes out of scope}}
} // expected-note {{'buffer' goes out of scope here while the thread may still be running}}
