/* The book's first Mutex<T> example: lock, use the data, unlock.
 *     let m = Mutex::new(5);
 *     { let mut num = m.lock().unwrap(); *num = 6; }
 *     println!("m = {:?}", m);
 * rustc accepts it; the C version is clean too. */
// expected-no-diagnostics
#include <pthread.h>
#include <stdio.h>
#include <fearless.h>

struct mutex_int {
    pthread_mutex_t lock;
    int value GUARDED_BY(lock);
};

int main(void)
{
    struct mutex_int m = {PTHREAD_MUTEX_INITIALIZER, 5};
    pthread_mutex_lock(&m.lock);
    m.value = 6;
    pthread_mutex_unlock(&m.lock);

    pthread_mutex_lock(&m.lock);
    printf("m = %d\n", m.value);
    pthread_mutex_unlock(&m.lock);
    return 0;
}
