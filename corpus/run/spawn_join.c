/* Mirrors Rust listing 16-2 ("Waiting for All Threads to Finish"):
 *
 *     let handle = thread::spawn(|| { for i in 1..10 { println!("hi number {} from the
 *         spawned thread!", i); thread::sleep(1ms); } });
 *     for i in 1..5 { println!("hi number {} from the main thread!", i); thread::sleep(1ms); }
 *     handle.join().unwrap();
 *
 * Mapping: the closure is count_in_spawned_thread (it captures nothing, so arg is NULL);
 * thread::spawn -> fl_spawn, which fills the JoinHandle `handle`; handle.join().unwrap()
 * -> fl_join with a status check. The join at the end is what keeps the spawned thread's
 * nine lines from being cut off when main returns. */
// expected-no-diagnostics
#include <fearless/runtime.h>
#include <stdio.h>

static void *count_in_spawned_thread(void *arg) {
    (void)arg;
    for (int i = 1; i < 10; i++) {
        printf("hi number %d from the spawned thread!\n", i);
        fl_sleep_ms(1);
    }
    return NULL;
}

int main(void) {
    fl_thread *handle = NULL;
    fl_status status = fl_spawn(&handle, count_in_spawned_thread, NULL);
    if (status != FL_OK) {
        fprintf(stderr, "spawn failed: %s\n", fl_status_str(status));
        return 1;
    }

    for (int i = 1; i < 5; i++) {
        printf("hi number %d from the main thread!\n", i);
        fl_sleep_ms(1);
    }

    status = fl_join(handle, NULL);
    if (status != FL_OK) {
        fprintf(stderr, "join failed: %s\n", fl_status_str(status));
        return 1;
    }
    return 0;
}
