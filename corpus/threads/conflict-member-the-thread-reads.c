/* The spawner writes, without a lock, a member the running thread reads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
    int limit;
    int unused_by_thread;
};

static void *run(void *arg)
{
    struct job *job = arg;
    for (int i = 0; i < job->limit; i++)
        printf("%d\n", i);
    return NULL;
}

int start(void)
{
    struct job *job = calloc(1, sizeof *job);
    if (!job)
        return -1;
    pthread_t thread;
    if (pthread_create(&thread, NULL, run, job) != 0) { // expected-note {{'job' is lent to the thread spawned here}}
        free(job);
        return -1;
    }
    job->unused_by_thread = 1; /* the thread never looks at it */
    job->limit = 10; // expected-error {{cannot write 'job' while it is lent to a running thread}} expected-note {{help: join the thread before this access}}
    pthread_join(thread, NULL);
    free(job);
    return 0;
}
