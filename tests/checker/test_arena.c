/* Support code: the arena, hash maps, vectors, and the per-TU analysis cache. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/cache.h"
#include "support/arena.h"
#include "support/hashmap.h"
#include "support/vec.h"

START_TEST(arena_zeroed_aligned_and_large)
{
    struct arena *arena = arena_new();
    for (size_t size = 1; size < 5000; size += 37) {
        unsigned char *memory = arena_alloc(arena, size);
        ck_assert_uint_eq((uintptr_t)memory % 16, 0);
        for (size_t i = 0; i < size; i++)
            ck_assert_uint_eq(memory[i], 0);
        memset(memory, 0xab, size);
    }
    unsigned char *big = arena_alloc(arena, 1 << 20);
    ck_assert_uint_eq(big[(1 << 20) - 1], 0);
    big[(1 << 20) - 1] = 1;
    long *numbers = ARENA_ARRAY(arena, long, 100);
    numbers[99] = 7;
    ck_assert_int_eq(numbers[99], 7);
    arena_free(arena);
    arena_free(NULL);
}
END_TEST

START_TEST(arena_strings)
{
    struct arena *arena = arena_new();
    char *copy = arena_strdup(arena, "hello");
    ck_assert_str_eq(copy, "hello");
    ck_assert_ptr_null(arena_strdup(arena, NULL));
    ck_assert_str_eq(arena_printf(arena, "%s-%d", "x", 42), "x-42");
    char long_text[3000];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    ck_assert_uint_eq(strlen(arena_printf(arena, "%s%s", long_text, long_text)), 2 * 2999);
    int data[3] = {1, 2, 3};
    int *copied = arena_copy(arena, data, sizeof data);
    ck_assert_int_eq(copied[2], 3);
    arena_free(arena);
}
END_TEST

START_TEST(string_and_integer_maps)
{
    struct hashmap map;
    hashmap_init(&map);
    ck_assert_ptr_null(strmap_get(&map, "absent"));
    static char keys[2000][8];
    for (int i = 0; i < 2000; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        strmap_put(&map, keys[i], &keys[i]);
    }
    ck_assert_uint_eq(map.count, 2000);
    for (int i = 0; i < 2000; i++)
        ck_assert_ptr_eq(strmap_get(&map, keys[i]), &keys[i]);
    strmap_put(&map, keys[5], NULL);
    ck_assert_uint_eq(map.count, 2000);
    ck_assert_ptr_null(strmap_get(&map, "k5"));
    hashmap_destroy(&map);

    hashmap_init(&map);
    for (uintptr_t i = 1; i <= 3000; i++)
        intmap_put(&map, i * 8, (void *)(i + 1));
    for (uintptr_t i = 1; i <= 3000; i++)
        ck_assert_ptr_eq(intmap_get(&map, i * 8), (void *)(i + 1));
    ck_assert_ptr_null(intmap_get(&map, 12345));
    hashmap_destroy(&map);
}
END_TEST

START_TEST(vectors)
{
    struct vec vec = {0};
    for (intptr_t i = 0; i < 100; i++)
        vec_push(&vec, (void *)i);
    ck_assert_uint_eq(vec.count, 100);
    ck_assert_ptr_eq(vec.items[57], (void *)57);
    vec_free(&vec);
    ck_assert_uint_eq(vec.count, 0);
}
END_TEST

static int released;

static void release_value(void *value)
{
    released++;
    free(value);
}

START_TEST(analysis_cache)
{
    static const int lockset_key, ownership_key;
    struct analysis_cache *cache = analysis_cache_new();
    const struct ir_function *f1 = (const void *)0x1000, *f2 = (const void *)0x2000;
    released = 0;
    ck_assert_ptr_null(analysis_cache_lookup(cache, &lockset_key, f1));
    int *a = malloc(sizeof *a), *b = malloc(sizeof *b), *c = malloc(sizeof *c), *d = malloc(sizeof *d);
    analysis_cache_store(cache, &lockset_key, f1, a, release_value);
    analysis_cache_store(cache, &lockset_key, f2, b, release_value);
    analysis_cache_store(cache, &ownership_key, f1, c, release_value);
    analysis_cache_store(cache, &ownership_key, NULL, d, release_value);
    ck_assert_ptr_eq(analysis_cache_lookup(cache, &lockset_key, f1), a);
    ck_assert_ptr_eq(analysis_cache_lookup(cache, &lockset_key, f2), b);
    ck_assert_ptr_eq(analysis_cache_lookup(cache, &ownership_key, f1), c);
    ck_assert_ptr_eq(analysis_cache_lookup(cache, &ownership_key, NULL), d);
    ck_assert_ptr_null(analysis_cache_lookup(cache, &ownership_key, f2));
    int *e = malloc(sizeof *e);
    analysis_cache_store(cache, &lockset_key, f1, e, release_value); /* replaces a */
    ck_assert_int_eq(released, 1);
    ck_assert_ptr_eq(analysis_cache_lookup(cache, &lockset_key, f1), e);
    analysis_cache_free(cache);
    ck_assert_int_eq(released, 5);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("support");
    TCase *tc = tcase_create("support");
    tcase_add_test(tc, arena_zeroed_aligned_and_large);
    tcase_add_test(tc, arena_strings);
    tcase_add_test(tc, string_and_integer_maps);
    tcase_add_test(tc, vectors);
    tcase_add_test(tc, analysis_cache);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
