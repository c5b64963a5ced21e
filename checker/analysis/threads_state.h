/* The threads lattice (internal to analysis/threads*.c): one record per spawn site with
 * its run status, handles, and the object it was lent; plus local pointers holding the
 * address of a local (`int *q = &x;`), so `q` handed to a thread lends x. */
#ifndef FEARLESS_ANALYSIS_THREADS_STATE_H
#define FEARLESS_ANALYSIS_THREADS_STATE_H

#include <stdbool.h>

#include "analysis/threads.h"

enum run_status {
    RUN_YES,     /* running on every path here */
    RUN_MAYBE,   /* joined on some paths, running on others */
    RUN_JOINED   /* joined on every path (kept: absent means "not spawned on this path") */
};

#define THREAD_MAX_HANDLES 4

struct thread_rec {
    const struct inst *spawn;             /* identity: the spawn call */
    enum run_status status;
    unsigned handle_count;
    const struct path *handles[THREAD_MAX_HANDLES];
    bool array;                           /* handle is an element of an array of handles */
    bool local_handle;                    /* handle is a local: dropping it is reported */
    bool handle_escaped;                  /* copied somewhere this function cannot follow */
    bool attr_unknown;                    /* spawn attributes may make it detached */
    bool detached;
    struct source_range detach;
    const struct path *lent;              /* object lent to the thread (NULL: none) */
    bool lent_heap;                       /* the object is *lent (lent is a pointer) */
    bool lent_stack;                      /* lent's storage is a local of this function */
    bool lent_element;                    /* lent is one element of an array (slot[i]) */
    bool writes;                          /* the thread writes through its argument */
    const struct function_info *entry;    /* the thread function, when known */
    bool not_sync;                        /* the lent object's type is NOT_SYNC */
    struct source_range arg;
    /* spawn success test: the record vanishes on the failure edge */
    bool has_condition;
    unsigned temp;
    const struct var *result_var;
    long long success;
    bool has_skip;
    struct source_range skip;
    bool has_branch;                      /* the last branch a running record went through */
    struct source_range branch;
};

struct address_alias {
    const struct var *pointer;            /* a local pointer */
    const struct path *object;            /* the object it points into */
};

#define THREAD_MAX_HELD 8

struct thr_state {
    bool reached;
    /* locks the spawner holds (as passed to acquire/release): any one held makes its
     * accesses synchronized on its side (union at joins: no false alarm) */
    unsigned held_count;
    struct held_lock {
        const struct path *path;
        bool address;
    } held[THREAD_MAX_HELD];
    unsigned rec_count, rec_capacity;
    struct thread_rec *recs;
    unsigned alias_count, alias_capacity;
    struct address_alias *aliases;
};

struct thr_state *thr_state_new(bool reached);
struct thr_state *thr_state_copy(const struct thr_state *state);
void thr_state_free(struct thr_state *state);
bool thr_state_join(struct thr_state *into, const struct thr_state *from, const struct edge *edge);

struct thread_rec *thr_find(struct thr_state *state, const struct inst *spawn);
void thr_put(struct thr_state *state, const struct thread_rec *rec);
void thr_remove_at(struct thr_state *state, unsigned index);
const struct path *thr_alias_of(const struct thr_state *state, const struct var *pointer);
void thr_set_alias(struct thr_state *state, const struct var *pointer, const struct path *object);

bool thr_running(const struct thread_rec *rec);

#endif
