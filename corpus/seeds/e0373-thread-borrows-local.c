/* Rust's E0373 example: a thread borrows `v`, owned by the current function, and may
 * outlive it ("closure may outlive the current function, but it borrows `v`"). In C the
 * thread gets the address of a local array and the function returns its handle without
 * joining: v's storage dies while the thread may still read it. */
#include <fearless/thread.h>
#include <stdio.h>

static void *print_vector(void *arg)
{
    const int *v = arg;
    printf("Here's a vector: [%d, %d, %d]\n", v[0], v[1], v[2]);
    return NULL;
}

static fl_thread *start_printer(void)
{
    int v[3] = {1, 2, 3};
    fl_thread *handle = NULL;
    fl_spawn(&handle, print_vector, v); // expected-error {{thread may outlive borrowed value 'v'}} expected-note {{'v' is lent to the thread spawned here by 'fl_spawn'}} expected-note {{help: join the thread before 'v' goes out of scope}}
    return handle; // expected-note {{'v' goes out of scope here while the thread may still be running}}
}

int main(void)
{
    fl_thread *handle = start_printer();
    if (handle)
        fl_join(handle, NULL);
    return 0;
}
