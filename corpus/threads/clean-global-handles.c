/* Handles kept in globals and joined by another function: nothing is dropped, and the
 * threads borrow only globals and heap memory. */
#include <pthread.h>
#include <stdlib.h>

static pthread_t workers[4];
static int settings[4];

static void *work(void *arg)
{
    const int *setting = arg;
    return (void *)(long)*setting;
}

void start_workers(void)
{
    for (int i = 0; i < 4; i++) {
        settings[i] = i;
        pthread_create(&workers[i], NULL, work, &settings[i]);
    }
}

void stop_workers(void)
{
    for (int i = 0; i < 4; i++)
        pthread_join(workers[i], NULL);
}
// expected-no-diagnostics
