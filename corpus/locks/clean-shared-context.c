/* Unannotated: every worker gets the same context and updates it under the context's own
 * mutex; main reads the result after joining. No data race. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdio.h>

struct context {
    pthread_mutex_t mu;
    long done;
    int limit;
};

static void *work(void *arg)
{
    struct context *ctx = arg;
    for (int i = 0; i < ctx->limit; i++) {
        pthread_mutex_lock(&ctx->mu);
        ctx->done++;
        pthread_mutex_unlock(&ctx->mu);
    }
    return NULL;
}

int main(void)
{
    struct context ctx = {PTHREAD_MUTEX_INITIALIZER, 0, 1000};
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, work, &ctx);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    printf("%ld\n", ctx.done);
    return 0;
}
