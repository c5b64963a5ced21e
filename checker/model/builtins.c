/* The built-in table. Each entry: a function name and its contract as ';'-separated items:
 * "kind[:args]" for the function, "$N kind[:args]" for parameter N. Kinds are the
 * annotation kinds plus release_any, wait, noreturn, fresh_heap. */
#include "model/builtins.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_annotate.h"
#include "support/arena.h"

struct builtin {
    const char *name;
    const char *contract;
};

static const struct builtin builtins[] = {
    /* POSIX threads */
    {"pthread_create", "$2 thread_fn; $3 thread_arg"},
    {"pthread_join", "$0 joins"},
    {"pthread_detach", "$0 detaches"},
    {"pthread_exit", "noreturn"},
    {"pthread_mutex_lock", "acquire:$0"},
    {"pthread_mutex_unlock", "release:$0"},
    {"pthread_mutex_trylock", "try_acquire:0, $0"},
    {"pthread_mutex_timedlock", "try_acquire:0, $0"},
    {"pthread_mutex_clocklock", "try_acquire:0, $0"},
    {"pthread_rwlock_rdlock", "acquire_shared:$0"},
    {"pthread_rwlock_wrlock", "acquire:$0"},
    {"pthread_rwlock_tryrdlock", "try_acquire_shared:0, $0"},
    {"pthread_rwlock_trywrlock", "try_acquire:0, $0"},
    {"pthread_rwlock_timedrdlock", "try_acquire_shared:0, $0"},
    {"pthread_rwlock_timedwrlock", "try_acquire:0, $0"},
    {"pthread_rwlock_clockrdlock", "try_acquire_shared:0, $0"},
    {"pthread_rwlock_clockwrlock", "try_acquire:0, $0"},
    {"pthread_rwlock_unlock", "release_any:$0"},
    {"pthread_spin_lock", "acquire:$0"},
    {"pthread_spin_unlock", "release:$0"},
    {"pthread_spin_trylock", "try_acquire:0, $0"},
    {"pthread_cond_wait", "wait:$1"},
    {"pthread_cond_timedwait", "wait:$1"},
    {"pthread_cond_clockwait", "wait:$1"},
    /* C11 threads (thrd_success is 0) */
    {"thrd_create", "$1 thread_fn; $2 thread_arg"},
    {"thrd_join", "$0 joins"},
    {"thrd_detach", "$0 detaches"},
    {"thrd_exit", "noreturn"},
    {"mtx_lock", "acquire:$0"},
    {"mtx_unlock", "release:$0"},
    {"mtx_trylock", "try_acquire:0, $0"},
    {"mtx_timedlock", "try_acquire:0, $0"},
    {"cnd_wait", "wait:$1"},
    {"cnd_timedwait", "wait:$1"},
    /* Ownership */
    {"free", "$0 moved"},
    {"realloc", "$0 moved; fresh_heap"},
    {"reallocarray", "$0 moved; fresh_heap"},
    {"fclose", "$0 moved"},
    {"malloc", "fresh_heap"},
    {"calloc", "fresh_heap"},
    {"strdup", "fresh_heap"},
    {"strndup", "fresh_heap"},
    {"aligned_alloc", "fresh_heap"},
    /* Functions that do not return */
    {"exit", "noreturn"},
    {"abort", "noreturn"},
    {"_Exit", "noreturn"},
    {"_exit", "noreturn"},
    {"quick_exit", "noreturn"},
    {"longjmp", "noreturn"},
    {"_longjmp", "noreturn"},
    {"siglongjmp", "noreturn"},
    {"__assert_fail", "noreturn"},
    {"__assert_perror_fail", "noreturn"},
    {"__builtin_unreachable", "noreturn"},
    {"__builtin_trap", "noreturn"},
    {"err", "noreturn"},
    {"errx", "noreturn"},
    {"verr", "noreturn"},
    {"verrx", "noreturn"},
};

static const struct builtin *builtin_find(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}

static void apply_item(struct model *model, struct function_info *info, const char *item)
{
    while (isspace((unsigned char)*item))
        item++;
    struct annotation note = {.kind = ANN_UNKNOWN, .args = ""}; /* no text: never reported */
    if (item[0] == '$') {
        char *end;
        long index = strtol(item + 1, &end, 10);
        while (isspace((unsigned char)*end))
            end++;
        note.kind = annotation_parse(model->arena, end, &note.args);
        if (index >= 0 && (unsigned long)index < info->param_count)
            param_apply_annotation(model, &info->params[index], &note);
        return;
    }
    note.kind = annotation_parse(model->arena, item, &note.args);
    function_apply_annotation(model, info, &note);
}

bool builtin_apply(struct model *model, struct function_info *info)
{
    const struct builtin *builtin = info->name ? builtin_find(info->name) : NULL;
    if (!builtin)
        return false;
    char *contract = arena_strdup(model->arena, builtin->contract);
    for (char *item = contract; item;) {
        char *next = strchr(item, ';');
        if (next)
            *next++ = '\0';
        apply_item(model, info, item);
        item = next;
    }
    return true;
}
