/* scope.c: scoped threads. Spawned handles go on a list under the scope's lock; the end
 * of the scope joins until the list stays empty (scoped threads may spawn more). */
#include <fearless/thread.h>

#include <stdlib.h>

struct fl_scope_entry {
    fl_thread *thread;
    struct fl_scope_entry *next;
};

fl_status fl_scope_begin(fl_scope *scope) {
    if (scope == NULL)
        return FL_INVAL;
    fl_mutex_init(&scope->lock);
    fl_mutex_lock(&scope->lock);
    scope->threads = NULL;
    fl_mutex_unlock(&scope->lock);
    return FL_OK;
}

fl_status fl_scope_spawn(fl_scope *scope, void *(*fn)(void *), void *arg) {
    if (scope == NULL || fn == NULL)
        return FL_INVAL;
    struct fl_scope_entry *entry = malloc(sizeof *entry);
    if (entry == NULL)
        return FL_NOMEM;
    fl_status status = fl_spawn(&entry->thread, fn, arg);
    if (status != FL_OK) {
        free(entry);
        return status;
    }
    fl_mutex_lock(&scope->lock);
    entry->next = scope->threads;
    scope->threads = entry;
    fl_mutex_unlock(&scope->lock);
    return FL_OK;
}

/* Takes the whole list of running threads out of the scope. */
static struct fl_scope_entry *take_threads(fl_scope *scope) {
    fl_mutex_lock(&scope->lock);
    struct fl_scope_entry *list = scope->threads;
    scope->threads = NULL;
    fl_mutex_unlock(&scope->lock);
    return list;
}

fl_status fl_scope_end(fl_scope *scope) {
    if (scope == NULL)
        return FL_INVAL;
    fl_status result = FL_OK;
    for (struct fl_scope_entry *list; (list = take_threads(scope)) != NULL;) {
        while (list != NULL) {
            struct fl_scope_entry *next = list->next;
            if (fl_join(list->thread, NULL) != FL_OK)
                result = FL_INVAL;
            free(list);
            list = next;
        }
    }
    return result;
}
