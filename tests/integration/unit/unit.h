/* What the integration unit tests share: a scratch folder, writing files into it, and
 * running one suite. */
#ifndef FEARLESS_TESTS_INTEGRATION_UNIT_H
#define FEARLESS_TESTS_INTEGRATION_UNIT_H

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Creates a fresh folder from `template` ("/tmp/x-XXXXXX", rewritten in place) and makes
 * it the working directory. */
static inline void enter_scratch(char *template)
{
    ck_assert_ptr_nonnull(mkdtemp(template));
    ck_assert_int_eq(chdir(template), 0);
}

/* Removes the folder and restores its template for the next enter_scratch. */
static inline void remove_scratch(char *folder, const char *template)
{
    char command[600];
    snprintf(command, sizeof command, "rm -rf '%s'", folder);
    ck_assert_int_eq(system(command), 0);
    strcpy(folder, template);
}

static inline void write_file(const char *path, const char *text)
{
    FILE *file = fopen(path, "w");
    ck_assert_ptr_nonnull(file);
    fputs(text, file);
    fclose(file);
}

/* Runs the suite; the process status (0 when every test passed). */
static inline int run_suite(Suite *suite, bool fork_tests)
{
    SRunner *runner = srunner_create(suite);
    if (!fork_tests)
        srunner_set_fork_status(runner, CK_NOFORK);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? 1 : 0;
}

#endif
