// expected-no-diagnostics
/* Reader/writer cache with pthread_rwlock, pthread_once init, refcounted entries with an
 * atomic count (the last release frees). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    atomic_int refs;
    struct entry *next;
    char key[32];
    int value;
};

static pthread_rwlock_t cache_lock;
static struct entry *cache_head;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_init(void) { pthread_rwlock_init(&cache_lock, NULL); }

static void entry_release(struct entry *e)
{
    if (atomic_fetch_sub(&e->refs, 1) == 1)
        free(e);
}

struct entry *cache_lookup(const char *key)
{
    pthread_once(&cache_once, cache_init);
    struct entry *found = NULL;
    pthread_rwlock_rdlock(&cache_lock);
    for (struct entry *e = cache_head; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            atomic_fetch_add(&e->refs, 1);
            found = e;
            break;
        }
    }
    pthread_rwlock_unlock(&cache_lock);
    return found;
}

int cache_insert(const char *key, int value)
{
    pthread_once(&cache_once, cache_init);
    struct entry *e = calloc(1, sizeof *e);
    if (!e)
        return -1;
    atomic_init(&e->refs, 1);
    strncpy(e->key, key, sizeof e->key - 1);
    e->value = value;
    pthread_rwlock_wrlock(&cache_lock);
    e->next = cache_head;
    cache_head = e;
    pthread_rwlock_unlock(&cache_lock);
    return 0;
}

void cache_clear(void)
{
    pthread_rwlock_wrlock(&cache_lock);
    struct entry *e = cache_head;
    cache_head = NULL;
    pthread_rwlock_unlock(&cache_lock);
    while (e) {
        struct entry *next = e->next;
        entry_release(e);
        e = next;
    }
}

static void *reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        struct entry *e = cache_lookup("a");
        if (e)
            entry_release(e);
    }
    return NULL;
}

int main(void)
{
    if (cache_insert("a", 1) != 0)
        return 1;
    pthread_t readers[3];
    size_t n = 0;
    for (; n < 3; n++)
        if (pthread_create(&readers[n], NULL, reader, NULL) != 0)
            break;
    cache_insert("b", 2);
    while (n > 0)
        pthread_join(readers[--n], NULL);
    cache_clear();
    return 0;
}
