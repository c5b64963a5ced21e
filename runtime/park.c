/* park.c: futex wait/wake. FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC deadline,
 * so spurious wakeups and retries never stretch a timeout. */
#include "park.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

static long futex(_Atomic uint32_t *word, int op, uint32_t value, const struct timespec *timeout,
                  uint32_t bitset) {
    return syscall(SYS_futex, (uint32_t *)word, op | FUTEX_PRIVATE_FLAG, value, timeout, NULL,
                   bitset);
}

fl_deadline fl_deadline_after_ms(unsigned timeout_ms) {
    fl_deadline deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000L;
    }
    return deadline;
}

bool fl_deadline_passed(const fl_deadline *deadline) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (now.tv_sec != deadline->tv_sec)
        return now.tv_sec > deadline->tv_sec;
    return now.tv_nsec >= deadline->tv_nsec;
}

bool fl_park(_Atomic uint32_t *word, uint32_t expected, const fl_deadline *deadline) {
    if (deadline != NULL && fl_deadline_passed(deadline))
        return false;
    long rc = futex(word, FUTEX_WAIT_BITSET, expected, deadline, FUTEX_BITSET_MATCH_ANY);
    if (rc == -1 && errno == ETIMEDOUT)
        return false;
    return true; /* woken, value changed (EAGAIN) or interrupted (EINTR): caller re-checks */
}

bool fl_unpark_one(_Atomic uint32_t *word) {
    return futex(word, FUTEX_WAKE, 1, NULL, 0) > 0;
}

void fl_unpark_all(_Atomic uint32_t *word) {
    futex(word, FUTEX_WAKE, INT_MAX, NULL, 0);
}
