/* Stress: joins and the locking primitives under contention; every count must be exact.
 * Sizes derive from FL_STRESS_ITERS (default 1,000,000). */
#include "rt_test.h"

#include <stdatomic.h>
#include <stdint.h>

enum { WORKERS = 4 };

/* A read-modify-write the compiler may not merge across iterations. Every 64th bump
 * yields between the read and the write, while holding the lock: that forces the other
 * workers onto the lock's slow (parking) path even when the scheduler would otherwise run
 * them one after another, and makes a broken lock lose updates visibly. */
static void bump(size_t *count) {
    volatile size_t *v = count;
    size_t seen = *v;
    if (seen % 64 == 0)
        fl_yield();
    *v = seen + 1;
}

static size_t scaled(size_t divisor) {
    size_t n = rt_stress_iters() / divisor;
    return n == 0 ? 1 : n;
}

/* Workers wait here so they all start together: contention, not a relay race. */
static fl_barrier start_gate;

static void wait_for_start(void) {
    fl_barrier_wait(&start_gate);
}

/* Every worker borrows the same `arg`: a scope, like Rust's thread::scope, joins them all
 * before it can go away (fl_spawn would move it into the first worker). */
static void run_workers(void *(*fn)(void *), void *arg) {
    ck_assert_int_eq(fl_barrier_init(&start_gate, WORKERS), FL_OK);
    fl_scope scope;
    ck_assert_int_eq(fl_scope_begin(&scope), FL_OK);
    for (int i = 0; i < WORKERS; i++)
        ck_assert_int_eq(fl_scope_spawn(&scope, fn, arg), FL_OK);
    ck_assert_int_eq(fl_scope_end(&scope), FL_OK);
}

/* Like run_workers, but worker i gets (void *)i. */
static void run_numbered_workers(void *(*fn)(void *)) {
    ck_assert_int_eq(fl_barrier_init(&start_gate, WORKERS), FL_OK);
    fl_thread *threads[WORKERS];
    for (uintptr_t i = 0; i < WORKERS; i++)
        threads[i] = rt_spawn(fn, (void *)i);
    for (int i = 0; i < WORKERS; i++)
        ck_assert_ptr_null(rt_join(threads[i]));
}

/* --- join ------------------------------------------------------------------------ */

static void *return_transformed(void *arg) {
    return (void *)((uintptr_t)arg * 7 + 1);
}

START_TEST(join_100_threads_returning_values) {
    enum { N = 100 };
    for (size_t round = 0, rounds = scaled(100000); round < rounds; round++) {
        fl_thread *threads[N];
        for (uintptr_t i = 0; i < N; i++)
            threads[i] = rt_spawn(return_transformed, (void *)i);
        /* Join in reverse order so some threads finish long before their join. */
        for (int i = N - 1; i >= 0; i--)
            ck_assert_ptr_eq(rt_join(threads[i]), (void *)((uintptr_t)i * 7 + 1));
    }
}
END_TEST

/* --- mutex ----------------------------------------------------------------------- */

static struct {
    fl_mutex lock;
    size_t count GUARDED_BY(lock);
    size_t per_worker;
} counter = {FL_MUTEX_INIT, 0, 0};

/* Even workers block in lock, odd ones spin on trylock. */
static void *increment_counter(void *arg) {
    bool use_trylock = (uintptr_t)arg % 2;
    wait_for_start();
    for (size_t i = 0; i < counter.per_worker; i++) {
        if (use_trylock) {
            while (!fl_mutex_trylock(&counter.lock))
                fl_yield();
        } else {
            fl_mutex_lock(&counter.lock);
        }
        bump(&counter.count);
        fl_mutex_unlock(&counter.lock);
    }
    return NULL;
}

static size_t read_counter(void) {
    fl_mutex_lock(&counter.lock);
    size_t value = counter.count;
    fl_mutex_unlock(&counter.lock);
    return value;
}

START_TEST(mutex_counter_is_exact) {
    counter.per_worker = scaled(1);
    fl_mutex_lock(&counter.lock);
    counter.count = 0;
    fl_mutex_unlock(&counter.lock);
    run_numbered_workers(increment_counter);
    ck_assert_uint_eq(read_counter(), WORKERS * counter.per_worker);
}
END_TEST

static void *increment_typed(void *arg) {
    fl_mutex_of *m = arg;
    wait_for_start();
    for (size_t i = 0; i < counter.per_worker; i++) {
        size_t *value = fl_mutex_of_lock(m);
        bump(value);
        fl_mutex_of_unlock(m);
    }
    return NULL;
}

START_TEST(typed_mutex_counter_is_exact) {
    size_t value = 0;
    fl_mutex_of m;
    ck_assert_int_eq(fl_mutex_of_init(&m, &value), FL_OK);
    counter.per_worker = scaled(2);
    run_workers(increment_typed, &m);
    ck_assert_uint_eq(value, WORKERS * counter.per_worker);
}
END_TEST

/* --- rwlock ---------------------------------------------------------------------- */

static struct {
    fl_rwlock lock;
    size_t a GUARDED_BY(lock);
    size_t b GUARDED_BY(lock);
    size_t per_writer;
    atomic_int writers_left;
    atomic_size_t torn_reads;
} pair = {FL_RWLOCK_INIT, 0, 0, 0, 0, 0};

/* Writers bump both fields; readers must never see them differ. */
static void *rw_worker(void *arg) {
    wait_for_start();
    if ((uintptr_t)arg % 2 == 0) {
        for (size_t i = 0; i < pair.per_writer; i++) {
            fl_rwlock_write_lock(&pair.lock);
            bump(&pair.a);
            bump(&pair.b);
            fl_rwlock_write_unlock(&pair.lock);
        }
        atomic_fetch_sub(&pair.writers_left, 1);
        return NULL;
    }
    while (atomic_load(&pair.writers_left) > 0) {
        fl_rwlock_read_lock(&pair.lock);
        if (pair.a != pair.b)
            atomic_fetch_add(&pair.torn_reads, 1);
        fl_rwlock_read_unlock(&pair.lock);
        fl_yield(); /* this test is about exclusion, not about writer starvation */
    }
    return NULL;
}

START_TEST(rwlock_keeps_pairs_consistent) {
    pair.per_writer = scaled(4);
    atomic_store(&pair.writers_left, WORKERS / 2);
    run_numbered_workers(rw_worker);
    ck_assert_uint_eq(atomic_load(&pair.torn_reads), 0);
    fl_rwlock_read_lock(&pair.lock);
    ck_assert_uint_eq(pair.a, WORKERS / 2 * pair.per_writer);
    ck_assert_uint_eq(pair.b, pair.a);
    fl_rwlock_read_unlock(&pair.lock);
}
END_TEST

/* --- condvar: a bounded queue with two producers and two consumers ---------------- */

enum { QUEUE_CAP = 8 };

static struct {
    fl_mutex lock;
    fl_condvar not_empty, not_full;
    uint64_t items[QUEUE_CAP] GUARDED_BY(lock);
    size_t head GUARDED_BY(lock), len GUARDED_BY(lock);
    size_t taken GUARDED_BY(lock);
    uint64_t sum GUARDED_BY(lock);
    size_t per_producer, total;
} queue = {.lock = FL_MUTEX_INIT, .not_empty = FL_CONDVAR_INIT, .not_full = FL_CONDVAR_INIT};

static void queue_push(uint64_t item) {
    fl_mutex_lock(&queue.lock);
    while (queue.len == QUEUE_CAP)
        fl_condvar_wait(&queue.not_full, &queue.lock);
    queue.items[(queue.head + queue.len) % QUEUE_CAP] = item;
    queue.len++;
    fl_mutex_unlock(&queue.lock);
    fl_condvar_signal(&queue.not_empty);
}

/* Pops one item into the sum; false once every item has been taken. */
static bool queue_pop_into_sum(void) {
    fl_mutex_lock(&queue.lock);
    while (queue.len == 0 && queue.taken < queue.total)
        fl_condvar_wait(&queue.not_empty, &queue.lock);
    if (queue.taken == queue.total) {
        fl_mutex_unlock(&queue.lock);
        return false;
    }
    queue.sum += queue.items[queue.head];
    queue.head = (queue.head + 1) % QUEUE_CAP;
    queue.len--;
    bool last = ++queue.taken == queue.total;
    fl_mutex_unlock(&queue.lock);
    fl_condvar_signal(&queue.not_full);
    if (last)
        fl_condvar_broadcast(&queue.not_empty); /* release the other consumer */
    return true;
}

static void *queue_worker(void *arg) {
    wait_for_start();
    if ((uintptr_t)arg % 2 == 0) {
        for (size_t i = 1; i <= queue.per_producer; i++)
            queue_push(i);
    } else {
        while (queue_pop_into_sum())
            continue;
    }
    return NULL;
}

START_TEST(condvar_queue_delivers_everything) {
    queue.per_producer = scaled(4);
    queue.total = WORKERS / 2 * queue.per_producer;
    run_numbered_workers(queue_worker);
    fl_mutex_lock(&queue.lock);
    uint64_t n = queue.per_producer;
    ck_assert_uint_eq(queue.taken, queue.total);
    ck_assert_uint_eq(queue.len, 0);
    ck_assert_uint_eq(queue.sum, WORKERS / 2 * (n * (n + 1) / 2));
    fl_mutex_unlock(&queue.lock);
}
END_TEST

/* --- barrier ---------------------------------------------------------------------- */

static struct {
    fl_barrier barrier;
    size_t rounds;
    atomic_size_t arrived, leaders, early_passes;
} phases;

static void *barrier_worker(void *arg) {
    (void)arg;
    for (size_t round = 0; round < phases.rounds; round++) {
        atomic_fetch_add(&phases.arrived, 1);
        if (fl_barrier_wait(&phases.barrier))
            atomic_fetch_add(&phases.leaders, 1);
        if (atomic_load(&phases.arrived) < WORKERS * (round + 1))
            atomic_fetch_add(&phases.early_passes, 1);
        fl_barrier_wait(&phases.barrier);
    }
    return NULL;
}

START_TEST(barrier_phases_hold) {
    ck_assert_int_eq(fl_barrier_init(&phases.barrier, WORKERS), FL_OK);
    phases.rounds = scaled(200);
    run_workers(barrier_worker, NULL);
    ck_assert_uint_eq(atomic_load(&phases.early_passes), 0);
    ck_assert_uint_eq(atomic_load(&phases.arrived), WORKERS * phases.rounds);
    ck_assert_uint_eq(atomic_load(&phases.leaders), phases.rounds);
}
END_TEST

/* --- once ------------------------------------------------------------------------- */

static struct {
    fl_once *onces;
    size_t count;
    atomic_size_t calls, early_returns;
} init_race;

static void count_completed_call(void) {
    atomic_fetch_add(&init_race.calls, 1);
}

/* Every thread walks the same onces in order: after once i returns, at least i+1 calls
 * must have completed. */
static void *once_worker(void *arg) {
    (void)arg;
    wait_for_start();
    for (size_t i = 0; i < init_race.count; i++) {
        fl_once_call(&init_race.onces[i], count_completed_call);
        if (atomic_load(&init_race.calls) < i + 1)
            atomic_fetch_add(&init_race.early_returns, 1);
    }
    return NULL;
}

START_TEST(once_runs_each_exactly_once) {
    static const fl_once fresh = FL_ONCE_INIT;
    init_race.count = scaled(100);
    init_race.onces = malloc(init_race.count * sizeof *init_race.onces);
    ck_assert_ptr_nonnull(init_race.onces);
    for (size_t i = 0; i < init_race.count; i++)
        init_race.onces[i] = fresh;
    run_workers(once_worker, NULL);
    ck_assert_uint_eq(atomic_load(&init_race.calls), init_race.count);
    ck_assert_uint_eq(atomic_load(&init_race.early_returns), 0);
    free(init_race.onces);
}
END_TEST

/* --- arc -------------------------------------------------------------------------- */

static atomic_int arc_drops;

static void count_arc_drop(void *data) {
    (void)data;
    atomic_fetch_add(&arc_drops, 1);
}

static void *clone_and_drop(void *arg) {
    fl_arc *shared = arg;
    wait_for_start();
    for (size_t i = 0, n = scaled(2); i < n; i++)
        fl_arc_drop(fl_arc_clone(shared));
    return NULL;
}

START_TEST(arc_count_survives_contention) {
    fl_arc *shared = fl_arc_new(64, count_arc_drop);
    ck_assert_ptr_nonnull(shared);
    run_workers(clone_and_drop, shared);
    ck_assert_uint_eq(fl_arc_count(shared), 1);
    ck_assert_int_eq(atomic_load(&arc_drops), 0);
    fl_arc_drop(shared);
    ck_assert_int_eq(atomic_load(&arc_drops), 1);
}
END_TEST

/* One case per primitive, so ctest runs and reports them apart (CK_RUN_CASE). */
static void add_case(Suite *s, const char *name, const TTest *test) {
    TCase *tc = rt_tcase(name, 600);
    tcase_add_test(tc, test);
    suite_add_tcase(s, tc);
}

static Suite *stress_sync_suite(void) {
    Suite *s = suite_create("stress_sync");
    add_case(s, "join", join_100_threads_returning_values);
    add_case(s, "mutex", mutex_counter_is_exact);
    add_case(s, "typed_mutex", typed_mutex_counter_is_exact);
    add_case(s, "rwlock", rwlock_keeps_pairs_consistent);
    add_case(s, "condvar", condvar_queue_delivers_everything);
    add_case(s, "barrier", barrier_phases_hold);
    add_case(s, "once", once_runs_each_exactly_once);
    add_case(s, "arc", arc_count_survives_contention);
    return s;
}

int main(void) {
    return rt_run_suite(stress_sync_suite());
}
