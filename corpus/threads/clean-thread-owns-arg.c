/* The thread frees its argument, so pthread_create moves it; the spawner never touches it
 * again, and a failed create leaves it to be freed by the spawner. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct task {
    int id;
};

static void *run_task(void *arg)
{
    struct task *task = arg;
    printf("task %d\n", task->id);
    free(task);
    return NULL;
}

int submit(int id, pthread_t *thread)
{
    struct task *task = malloc(sizeof *task);
    if (!task)
        return -1;
    task->id = id;
    if (pthread_create(thread, NULL, run_task, task) != 0) {
        free(task);
        return -1;
    }
    return 0;
}
// expected-no-diagnostics
