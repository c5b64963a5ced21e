/* fence.c: membarrier registration and the heavy side of the asymmetric fence. */
#include "fence.h"

#include <fearless/once.h>
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

_Atomic bool fl_fence_asymmetric = false;

static fl_once fence_once = FL_ONCE_INIT;

static long membarrier(int cmd) {
    return syscall(SYS_membarrier, cmd, 0, 0);
}

/* PRIVATE_EXPEDITED (Linux 4.14) signals only this process's running threads; it must be
 * registered once before use. Any failure (old kernel, seccomp) keeps symmetric fences. */
static void register_membarrier(void) {
    long supported = membarrier(MEMBARRIER_CMD_QUERY);
    if (supported < 0 || (supported & MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0)
        return;
    if (membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) == 0)
        atomic_store_explicit(&fl_fence_asymmetric, true, memory_order_release);
}

void fl_fence_init(void) {
    fl_once_call(&fence_once, register_membarrier);
}

void fl_fence_heavy(void) {
    atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load_explicit(&fl_fence_asymmetric, memory_order_relaxed))
        membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED);
}
