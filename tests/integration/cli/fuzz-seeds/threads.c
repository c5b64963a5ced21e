#include <pthread.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter __attribute__((annotate("fearless:guarded_by:m")));
static void *work(void *arg) { (void)arg; pthread_mutex_lock(&m); counter++; pthread_mutex_unlock(&m); return 0; }
int main(void) { pthread_t t; int x = 0; pthread_create(&t, 0, work, &x); counter = 2; pthread_join(t, 0); for (;;) { if (x) break; x++; } switch (x) { case 1: goto out; default: break; } out: return counter; }
