#include "unit.h"
#include <stdio.h>

#include "driver/shard.h"

START_TEST(parses_valid_specs)
{
    unsigned index, count;
    ck_assert(shard_parse("1/1", &index, &count));
    ck_assert_uint_eq(index, 1);
    ck_assert_uint_eq(count, 1);
    ck_assert(shard_parse("3/7", &index, &count));
    ck_assert_uint_eq(index, 3);
    ck_assert_uint_eq(count, 7);
}
END_TEST

START_TEST(rejects_invalid_specs)
{
    static const char *const BAD[] = {"", "1", "0/2", "3/2", "1/0", "a/2", "1/b", "1/2x",
                                      "-1/2", "1//2", "/2", " 1/2", "1/ 2"};
    unsigned index = 9, count = 9;
    for (unsigned i = 0; i < sizeof BAD / sizeof *BAD; i++)
        ck_assert_msg(!shard_parse(BAD[i], &index, &count), "accepted '%s'", BAD[i]);
    ck_assert(!shard_parse(NULL, &index, &count));
    ck_assert_uint_eq(index, 9); /* untouched on failure */
}
END_TEST

START_TEST(every_file_lands_in_exactly_one_shard)
{
    unsigned per_shard[5] = {0};
    for (unsigned f = 0; f < 500; f++) {
        char path[64];
        snprintf(path, sizeof path, "src/module%u/file%u.c", f % 13, f);
        unsigned owners = 0;
        for (unsigned shard = 1; shard <= 5; shard++) {
            if (shard_selects(shard, 5, path)) {
                owners++;
                per_shard[shard - 1]++;
            }
        }
        ck_assert_msg(owners == 1, "%s is in %u shards", path, owners);
    }
    for (unsigned shard = 0; shard < 5; shard++) /* roughly balanced: 100 each */
        ck_assert_msg(per_shard[shard] > 60 && per_shard[shard] < 140, "shard %u has %u",
                      shard + 1, per_shard[shard]);
}
END_TEST

START_TEST(one_shard_selects_everything_and_is_stable)
{
    ck_assert(shard_selects(1, 1, "a.c"));
    /* The same path always gets the same shard (CI jobs must agree). */
    for (unsigned shard = 1; shard <= 4; shard++)
        ck_assert(shard_selects(shard, 4, "lib/x.c") == shard_selects(shard, 4, "lib/x.c"));
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("shard");
    TCase *tc = tcase_create("shard");
    tcase_add_test(tc, parses_valid_specs);
    tcase_add_test(tc, rejects_invalid_specs);
    tcase_add_test(tc, every_file_lands_in_exactly_one_shard);
    tcase_add_test(tc, one_shard_selects_everything_and_is_stable);
    suite_add_tcase(suite, tc);
    return run_suite(suite, true);
}
