// expected-no-diagnostics
/* Two phases: run_phase() spawns the workers into local handles and joins them all before
 * it returns, so main writes the globals between phases with no thread running. */
#include <pthread.h>
#include <stdio.h>

#define N 4
static double grid[N][64];
static double scale;
static int phase;

static void *step(void *arg)
{
    int row = (int)(long)arg;
    for (int i = 0; i < 64; i++)
        grid[row][i] = phase == 0 ? i : grid[row][i] * scale;
    return NULL;
}

static int run_phase(void)
{
    pthread_t threads[N];
    int started = 0;
    for (long r = 0; r < N; r++) {
        if (pthread_create(&threads[r], NULL, step, (void *)r) != 0)
            break;
        started++;
    }
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    return started == N ? 0 : -1;
}

int main(void)
{
    scale = 1.0;
    phase = 0;
    if (run_phase() != 0)
        return 1;
    scale = 2.0;
    phase = 1;
    if (run_phase() != 0)
        return 1;
    double sum = 0;
    for (int r = 0; r < N; r++)
        for (int i = 0; i < 64; i++)
            sum += grid[r][i];
    printf("%f\n", sum);
    return 0;
}
