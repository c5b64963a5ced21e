/* driver/: command-line parsing, compile command cleaning, compile_commands.json. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "driver/command.h"
#include "driver/options.h"

#define ARGV(...) ((char *[]){"fearless", __VA_ARGS__, NULL})

static bool parse(int argc, char **argv, struct options *options, const char **error)
{
    *error = NULL;
    return options_parse(argc, argv, options, error);
}

START_TEST(parses_every_option_form)
{
    char **argv = ARGV("--checks=-*,fearless-lock-*", "--format", "sarif", "-o", "out.sarif",
                       "-j2", "--header-filter=src/", "--fail-on=error", "--baseline=b.sarif",
                       "--diff=main", "--shard=1/3", "--cache-dir", "cache", "--strict",
                       "-p=build", "a.c", "b.c", "--extra-arg=-DX", "--", "-Iinc", "-DY");
    struct options o;
    const char *error;
    int argc = 0;
    while (argv[argc])
        argc++;
    ck_assert(parse(argc, argv, &o, &error));
    ck_assert_str_eq(o.checks, "-*,fearless-lock-*");
    ck_assert_int_eq(o.format, EMIT_SARIF);
    ck_assert_str_eq(o.output, "out.sarif");
    ck_assert_uint_eq(o.jobs, 2);
    ck_assert_str_eq(o.header_filter, "src/");
    ck_assert_int_eq(o.fail_on, SEVERITY_ERROR);
    ck_assert_str_eq(o.baseline, "b.sarif");
    ck_assert(o.diff);
    ck_assert_str_eq(o.diff_ref, "main");
    ck_assert_str_eq(o.shard, "1/3");
    ck_assert_str_eq(o.cache_dir, "cache");
    ck_assert(o.strict);
    ck_assert_str_eq(o.build_path, "build");
    ck_assert_uint_eq(o.file_count, 2);
    ck_assert_str_eq(o.files[1], "b.c");
    ck_assert_uint_eq(o.extra_count, 1);
    ck_assert(o.has_flags);
    ck_assert_int_eq(o.flag_count, 2);
    ck_assert_str_eq(o.flags[0], "-Iinc");
    options_free(&o);
}
END_TEST

START_TEST(defaults_and_switches)
{
    char **argv = ARGV("--diff", "--verify", "--list-checks", "--explain", "double-lock",
                       "-checks=x");
    struct options o;
    const char *error;
    ck_assert(parse(7, argv, &o, &error));
    ck_assert(o.diff && !o.diff_ref && o.verify && o.list_checks);
    ck_assert_str_eq(o.explain, "double-lock");
    ck_assert_str_eq(o.checks, "x");
    ck_assert_int_eq(o.fail_on, SEVERITY_WARNING);
    ck_assert_int_eq(o.format, EMIT_TEXT);
    ck_assert_uint_eq(o.jobs, 0);
    options_free(&o);
}
END_TEST

START_TEST(bad_flags_say_why)
{
    static const struct { char *arg; const char *message; } cases[] = {
        {"--format=xml", "invalid --format 'xml'"},
        {"-j0", "invalid -j value '0'"},
        {"-jmany", "invalid -j value 'many'"},
        {"--fail-on=sometimes", "invalid --fail-on value 'sometimes'"},
        {"--bogus", "unknown option '--bogus'"},
        {"--checks", "option '--checks' needs a value"},
        {"-o", "option '-o' needs a value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *argv[] = {"fearless", cases[i].arg, NULL};
        struct options o;
        const char *error;
        ck_assert_msg(!parse(2, argv, &o, &error), "%s accepted", cases[i].arg);
        ck_assert_msg(strstr(error, cases[i].message), "%s: %s", cases[i].arg, error);
        options_free(&o);
    }
}
END_TEST

static void assert_arguments(const struct tu_command *command, const char *const *expected)
{
    int count = 0;
    while (expected[count])
        count++;
    ck_assert_int_eq(command->argument_count, count);
    for (int i = 0; i < count; i++)
        ck_assert_str_eq(command->arguments[i], expected[i]);
}

static void free_command(struct tu_command *command)
{
    struct tu_command_list list = {1, command};
    list.items = malloc(sizeof *command);
    *list.items = *command;
    command_list_free(&list);
}

START_TEST(cleans_cmake_compile_commands)
{
    const char *cmake[] = {"/usr/bin/cc", "-DFOO=1", "-I", "/inc", "-O2", "-MD", "-MT", "x.o",
                           "-MF", "x.o.d", "-o", "CMakeFiles/x.dir/src/a.c.o", "-c",
                           "/src/a.c", "-Werror", "-Werror=format", "-Wall"};
    struct tu_command command = {0};
    command_clean(&command, cmake, 17, command_looks_like_compiler(cmake[0]));
    assert_arguments(&command, (const char *[]){"-DFOO=1", "-I", "/inc", "-O2", "-Wall", NULL});
    free_command(&command);
    const char *launcher[] = {"ccache", "gcc", "-std=c11", "-ofile.o", "a.c", "-MMD"};
    command = (struct tu_command){0};
    command_clean(&command, launcher, 6, true);
    assert_arguments(&command, (const char *[]){"-std=c11", NULL});
    free_command(&command);
    const char *flags[] = {"-Iinclude", "-DX"};
    ck_assert(!command_looks_like_compiler(flags[0]));
    command = (struct tu_command){0};
    command_clean(&command, flags, 2, false);
    assert_arguments(&command, (const char *[]){"-Iinclude", "-DX", NULL});
    free_command(&command);
}
END_TEST

static char *make_database(const char *json)
{
    char *directory = strdup("/tmp/fearless-test-driver-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(directory));
    char path[512];
    snprintf(path, sizeof path, "%s/compile_commands.json", directory);
    FILE *file = fopen(path, "w");
    fputs(json, file);
    fclose(file);
    return directory;
}

static void remove_database(char *directory)
{
    char path[512];
    snprintf(path, sizeof path, "%s/compile_commands.json", directory);
    unlink(path);
    rmdir(directory);
    free(directory);
}

START_TEST(reads_compile_commands)
{
    char *directory = make_database(
        "[{\"directory\": \"/proj/build\", \"file\": \"/proj/src/a.c\",\n"
        "  \"arguments\": [\"cc\", \"-I/proj/inc\", \"-c\", \"-o\", \"a.o\", \"/proj/src/a.c\"]},\n"
        " {\"directory\": \"/proj/build\", \"file\": \"../lib/b.c\",\n"
        "  \"command\": \"cc -DLIB -c ../lib/b.c -o b.o\"}]\n");
    char *error = NULL;
    struct compile_database *database = compile_database_open(directory, &error);
    ck_assert_msg(database != NULL, "%s", error ? error : "");
    struct tu_command_list all = {0};
    compile_database_all(database, &all);
    ck_assert_uint_eq(all.count, 2);
    ck_assert_str_eq(all.items[0].file, "/proj/src/a.c");
    ck_assert_str_eq(all.items[0].directory, "/proj/build");
    assert_arguments(&all.items[0], (const char *[]){"-I/proj/inc", NULL});
    ck_assert_str_eq(all.items[1].file, "/proj/build/../lib/b.c");
    assert_arguments(&all.items[1], (const char *[]){"-DLIB", NULL});
    command_list_free(&all);
    struct tu_command guessed;
    ck_assert(compile_database_for(database, "/proj/src/new.c", &guessed));
    ck_assert_str_eq(guessed.file, "/proj/src/new.c");
    assert_arguments(&guessed, (const char *[]){"-I/proj/inc", NULL});
    free_command(&guessed);
    compile_database_close(database);
    remove_database(directory);
}
END_TEST

START_TEST(unreadable_database_is_an_error)
{
    char *error = NULL;
    ck_assert_ptr_null(compile_database_open("/nonexistent-dir", &error));
    ck_assert_ptr_nonnull(strstr(error, "cannot read"));
    free(error);
    char *directory = make_database("this is { not json");
    error = NULL;
    ck_assert_ptr_null(compile_database_open(directory, &error));
    ck_assert_ptr_nonnull(strstr(error, "not a valid compilation database"));
    free(error);
    remove_database(directory);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("driver");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, parses_every_option_form);
    tcase_add_test(tc, defaults_and_switches);
    tcase_add_test(tc, bad_flags_say_why);
    tcase_add_test(tc, cleans_cmake_compile_commands);
    tcase_add_test(tc, reads_compile_commands);
    tcase_add_test(tc, unreadable_database_is_an_error);
    suite_add_tcase(suite, tc);
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
