/* Wrong twin of clean/phases-spawn-join-helper.c: the phase is split into start and finish
 * helpers (the handles are global), and main changes 'scale' while the workers run. */
#include <pthread.h>

#define N 4
static double grid[N][64];
static double scale;
static pthread_t workers[N];

static void *step(void *arg)
{
    int row = (int)(long)arg;
    for (int i = 0; i < 64; i++)
        grid[row][i] = grid[row][i] * scale; // expected-note {{also read in 'step' with no lock held}}
    return NULL;
}

static void start_phase(void)
{
    for (long r = 0; r < N; r++)
        pthread_create(&workers[r], NULL, step, (void *)r);
}

static void finish_phase(void)
{
    for (int i = 0; i < N; i++)
        pthread_join(workers[i], NULL);
}

int main(void)
{
    scale = 1.0;
    start_phase();
    scale = 2.0; // expected-warning {{data race on 'scale'}} expected-note {{written in 'main' while the threads it started may run}} expected-note {{help: protect every access to 'scale' with the same lock, or make it _Atomic}}
    finish_phase();
    return 0;
}
