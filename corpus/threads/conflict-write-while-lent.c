/* Writing an object lent to a running thread (E0506): the thread may be reading it. */
#include <pthread.h>
#include <stdio.h>

struct job {
    int count;
};

static void *run_job(void *arg)
{
    const struct job *job = arg;
    for (int i = 0; i < job->count; i++)
        printf("%d\n", i);
    return NULL;
}

void restart(void)
{
    struct job job = {10};
    pthread_t thread;
    if (pthread_create(&thread, NULL, run_job, &job) != 0) // expected-note {{'job' is lent to the thread spawned here}}
        return;
    job.count = 20; // expected-error {{cannot write 'job' while it is lent to a running thread}} expected-note {{help: join the thread before this access}}
    pthread_join(thread, NULL);
    job.count = 30; /* joined: ours again */
}
