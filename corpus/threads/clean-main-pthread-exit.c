/* main ending with pthread_exit waits for the other threads: nothing is cut off. */
#include <pthread.h>
#include <stdio.h>

static void *work(void *arg)
{
    puts("working");
    return arg;
}

int main(void)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, work, NULL) != 0)
        return 1;
    pthread_detach(thread);
    pthread_exit(NULL);
}
// expected-no-diagnostics
