/* REQUIRES functions calling each other, REQUIRES_SHARED satisfied by a read lock or a
 * write lock, and user lock functions annotated ACQUIRE / RELEASE. */
// expected-no-diagnostics
#include <pthread.h>
#include <fearless.h>

struct index {
    pthread_rwlock_t lock;
    int keys[8] GUARDED_BY(lock);
    int count GUARDED_BY(lock);
};

static int find_locked(struct index *ix, int key) REQUIRES_SHARED(ix->lock)
{
    for (int i = 0; i < ix->count; i++)
        if (ix->keys[i] == key)
            return i;
    return -1;
}

static void insert_locked(struct index *ix, int key) REQUIRES(ix->lock)
{
    if (find_locked(ix, key) < 0 && ix->count < 8)
        ix->keys[ix->count++] = key;
}

void index_write_lock(struct index *ix) ACQUIRE(ix->lock);
void index_unlock(struct index *ix) RELEASE(ix->lock);

int contains(struct index *ix, int key)
{
    pthread_rwlock_rdlock(&ix->lock);
    int found = find_locked(ix, key) >= 0;
    pthread_rwlock_unlock(&ix->lock);
    return found;
}

void insert(struct index *ix, int key)
{
    index_write_lock(ix);
    insert_locked(ix, key);
    index_unlock(ix);
}
