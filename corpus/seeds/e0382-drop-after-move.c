/* The seeds' `drop(v)` after `thread::spawn(move || ...)`: v was moved into the thread, so
 * the main thread may not drop it any more (E0382). In C: v is handed to fl_spawn, whose
 * argument is MOVED, and then freed by main: a double free. */
#include <fearless/thread.h>
#include <stdio.h>
#include <stdlib.h>

static void *print_vector(void *arg)
{
    int *v = arg;
    printf("Here's a vector: [%d, %d, %d]\n", v[0], v[1], v[2]);
    free(v);
    return NULL;
}

int main(void)
{
    int *v = calloc(3, sizeof *v);
    if (!v)
        return 1;
    fl_thread *handle;
    if (fl_spawn(&handle, print_vector, v) != FL_OK) // expected-note {{value moved here, by the call to 'fl_spawn'}}
        return 1;
    free(v); // expected-error {{use of moved value 'v'}} expected-note {{help: the thread owns 'v' now}}
    fl_join(handle, NULL);
    return 0;
}
