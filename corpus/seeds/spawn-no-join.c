/* Rust listing 16-1: the spawned thread is never joined, so main returns while it still
 * runs and its output is cut off (it prints 5 of its 9 lines). rustc compiles it; fearless
 * warns. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *count_to_nine(void *arg)
{
    for (int i = 1; i < 10; i++) {
        printf("hi number %d from the spawned thread!\n", i);
        usleep(1000);
    }
    return arg;
}

int main(void)
{
    pthread_t handle;
    pthread_create(&handle, NULL, count_to_nine, NULL); // expected-warning {{'main' may return while this thread is still running}} expected-note {{help: join the thread before 'main' returns}}
    for (int i = 1; i < 5; i++) {
        printf("hi number %d from the main thread!\n", i);
        usleep(1000);
    }
    return 0; // expected-note {{'main' returns here: the process exits and stops the thread running 'count_to_nine'}}
}
