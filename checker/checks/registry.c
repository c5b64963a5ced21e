/* Every check, one line each. Adding a check: write checks/check_<name>.c defining
 * `const struct check check_<name>`, then add one X(<name>) line to CHECKS below. */
#include <string.h>

#include "checks/check.h"

#define CHECKS(X) \
    X(use_after_move) \
    X(borrow_escapes_thread) \
    X(borrow_conflict) \
    X(not_send) \
    X(not_sync) \
    X(thread_not_joined) \
    X(annotation) \
    X(unguarded_access) \
    X(lock_required) \
    X(lock_excluded) \
    X(double_lock) \
    X(unlock_not_held) \
    X(lock_leaked) \
    X(guard_after_unlock) \
    X(lock_order) \
    X(data_race)

#define DECLARE(name) extern const struct check check_##name;
CHECKS(DECLARE)
#undef DECLARE

#define ADDRESS(name) &check_##name,
static const struct check *const all_checks[] = {CHECKS(ADDRESS)};
#undef ADDRESS

unsigned check_count(void)
{
    return sizeof all_checks / sizeof all_checks[0];
}

const struct check *check_at(unsigned index)
{
    return index < check_count() ? all_checks[index] : NULL;
}

const struct check *check_find(const char *name)
{
    if (strncmp(name, "fearless-", 9) == 0)
        name += 9;
    for (unsigned i = 0; i < check_count(); i++)
        if (strcmp(all_checks[i]->name, name) == 0)
            return all_checks[i];
    return NULL;
}
