/* Mirrors Rust listing 16-5 ("Using move Closures with Threads"):
 *
 *     let v = vec![1, 2, 3];
 *     let handle = thread::spawn(move || { println!("Here's a vector: {:?}", v); });
 *     handle.join().unwrap();
 *
 * Mapping: vec![1, 2, 3] -> a heap-allocated struct int_vec; the `move` closure ->
 * fl_spawn whose arg is MOVED, so ownership of `v` passes to print_vector, which
 * prints it and frees it (the closure dropping `v`). main never touches `v` after the
 * spawn, exactly what `move` enforces in Rust. */
// expected-no-diagnostics
#include <fearless/runtime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct int_vec {
    size_t len;
    int items[];
};

static struct int_vec *int_vec_from(const int *values, size_t len) {
    struct int_vec *v = malloc(sizeof *v + len * sizeof v->items[0]);
    if (v == NULL)
        return NULL;
    v->len = len;
    memcpy(v->items, values, len * sizeof v->items[0]);
    return v;
}

/* Formats like Rust's {:?} for a Vec<i32>: [1, 2, 3]. */
static void *print_vector(void *arg) {
    struct int_vec *v = arg;
    printf("Here's a vector: [");
    for (size_t i = 0; i < v->len; i++)
        printf("%s%d", i == 0 ? "" : ", ", v->items[i]);
    printf("]\n");
    free(v);
    return NULL;
}

int main(void) {
    static const int values[] = {1, 2, 3};
    struct int_vec *v = int_vec_from(values, sizeof values / sizeof values[0]);
    if (v == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }

    fl_thread *handle = NULL;
    fl_status status = fl_spawn(&handle, print_vector, v);
    if (status != FL_OK) {
        fprintf(stderr, "spawn failed: %s\n", fl_status_str(status));
        return 1;
    }

    status = fl_join(handle, NULL);
    if (status != FL_OK) {
        fprintf(stderr, "join failed: %s\n", fl_status_str(status));
        return 1;
    }
    return 0;
}
