/* C11 threads sharing a global counter under a C11 mutex, all joined. */
#include <stdio.h>
#include <threads.h>

static mtx_t lock;
static long total;

static int add(void *arg)
{
    long amount = (long)arg;
    mtx_lock(&lock);
    total += amount;
    mtx_unlock(&lock);
    return 0;
}

int main(void)
{
    thrd_t threads[4];
    if (mtx_init(&lock, mtx_plain) != thrd_success)
        return 1;
    int started = 0;
    for (long i = 0; i < 4; i++) {
        if (thrd_create(&threads[i], add, (void *)i) != thrd_success)
            break;
        started++;
    }
    for (int i = 0; i < started; i++)
        thrd_join(threads[i], NULL);
    printf("%ld\n", total);
    mtx_destroy(&lock);
    return 0;
}
// expected-no-diagnostics
