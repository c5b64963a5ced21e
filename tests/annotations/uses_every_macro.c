/* Every macro of fearless.h in a place it belongs, short and FL_ names. Compiled with
 * -Wall -Wextra -pedantic -Werror by gcc and clang as C99..C2x and by clang++ as C++17,
 * and read back through libclang by test_annotations.c. */
#include <fearless.h>

enum status { ST_OK, ST_FAIL };

struct LOCK_TYPE lock { int state; };
typedef struct lock lock_t;

struct lock lock_b;
struct lock lock_a ACQUIRED_BEFORE(lock_b);
struct lock lock_c ACQUIRED_AFTER(lock_b);
int counter GUARDED_BY(lock_a);
int *shared PT_GUARDED_BY(lock_a);

struct SEND parcel { int value; };
struct NOT_SEND rc_box { int count; };
struct UNSAFE_SEND raw_handle { void *pointer; };
struct SYNC table { const int size; };
struct NOT_SYNC cell { int value; };
struct UNSAFE_SYNC shared_cache { void *slots; };

struct account {
    struct lock mu;
    int balance GUARDED_BY(mu);
    int *history PT_GUARDED_BY(mu);
};

void consume(int *value MOVED);
enum status offer(int *value MOVED_IF(ST_OK));
int spawn(int *handle, void *(*entry)(void *) THREAD_FN, void *arg THREAD_ARG);
void join(int handle JOINS);
void detach(int handle DETACHES);

void lock_take(struct lock *m) ACQUIRE(m);
void lock_take_shared(struct lock *m) ACQUIRE_SHARED(m);
void lock_give(struct lock *m) RELEASE(m);
void lock_give_shared(struct lock *m) RELEASE_SHARED(m);
int lock_try(struct lock *m) TRY_ACQUIRE(ST_OK, m);
void deposit(struct account *a, int amount) REQUIRES(a->mu);
int peek(struct account *a) REQUIRES_SHARED(a->mu);
void audit(struct account *a) EXCLUDES(a->mu);
int *history_of(struct account *a) RETURNS_GUARD(a->mu);
void unchecked(void) NO_THREAD_SAFETY_ANALYSIS;

/* The prefixed names. */
struct FL_LOCK_TYPE fl_lock { int state; };
struct fl_lock fl_lock_b;
struct fl_lock fl_lock_a FL_ACQUIRED_BEFORE(fl_lock_b) FL_ACQUIRED_AFTER(fl_lock_b);
struct FL_SEND FL_SYNC fl_pair { struct fl_lock mu; int value FL_GUARDED_BY(mu); int *p FL_PT_GUARDED_BY(mu); };
struct FL_NOT_SEND FL_NOT_SYNC fl_cell { int value; };
struct FL_UNSAFE_SEND FL_UNSAFE_SYNC fl_raw { void *pointer; };
void fl_consume(int *value FL_MOVED, int *maybe FL_MOVED_IF(ST_OK));
int fl_spawn(int *handle, void *(*entry)(void *) FL_THREAD_FN, void *arg FL_THREAD_ARG);
void fl_join(int handle FL_JOINS, int other FL_DETACHES);
void fl_take(struct fl_lock *m) FL_ACQUIRE(m);
void fl_take_shared(struct fl_lock *m) FL_ACQUIRE_SHARED(m);
void fl_give(struct fl_lock *m) FL_RELEASE(m);
void fl_give_shared(struct fl_lock *m) FL_RELEASE_SHARED(m);
int fl_try(struct fl_lock *m) FL_TRY_ACQUIRE(ST_OK, m);
void fl_need(struct fl_pair *p) FL_REQUIRES(p->mu);
void fl_need_shared(struct fl_pair *p) FL_REQUIRES_SHARED(p->mu);
void fl_avoid(struct fl_pair *p) FL_EXCLUDES(p->mu);
int *fl_guarded(struct fl_pair *p) FL_RETURNS_GUARD(p->mu);
void fl_unchecked(void) FL_NO_THREAD_SAFETY_ANALYSIS;

/* Something that is not an annotation, so the file is a valid translation unit. */
int annotations_compiled(void);
