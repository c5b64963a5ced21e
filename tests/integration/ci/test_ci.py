#!/usr/bin/env python3
"""fearless as a CI step: SARIF validated by Microsoft's validator, --baseline, --diff,
--shard and the result cache, each through the real command line.

usage: test_ci.py FEARLESS SCENARIO [SARIF_MULTITOOL]"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# free() moves its argument: the read after it is a use after move (an error, with a
# "moved here" note).
def moved_function(name, variable="p"):
    return ("int %s(void)\n{\n    char *%s = malloc(4);\n    if (!%s)\n        return 0;\n"
            "    %s[0] = 1;\n    free(%s);\n    return %s[0];\n}\n"
            % (name, variable, variable, variable, variable, variable))


def clean_function(name):
    return "int %s(int x)\n{\n    return x * 2;\n}\n" % name


HEADER = "#include <stdlib.h>\n\n"
CHECK = "fearless-use-after-move"


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


class Project:
    """A scratch folder of C files; runs fearless on them with explicit flags."""

    def __init__(self, fearless):
        self.fearless = fearless
        self.root = tempfile.mkdtemp(prefix="fearless-ci-")

    def write(self, name, text):
        path = os.path.join(self.root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as out:
            out.write(text)
        return name

    def run(self, *arguments, files=(), flags=("-I.",), check_status=None):
        command = [self.fearless, *arguments, *files, "--", *flags]
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True,
                                timeout=600)
        if check_status is not None:
            expect(result.returncode == check_status, "%s: status %d, expected %d:\n%s%s" % (
                " ".join(command), result.returncode, check_status, result.stdout,
                result.stderr))
        return result

    def sarif(self, *arguments, files=(), check_status=None):
        out = os.path.join(self.root, "out.sarif")
        self.run("--format=sarif", "-o", out, *arguments, files=files,
                 check_status=check_status)
        with open(out) as log:
            return json.load(log)

    def git(self, *arguments):
        result = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                                 *arguments], cwd=self.root, capture_output=True, text=True)
        expect(result.returncode == 0, "git %s: %s" % (" ".join(arguments), result.stderr))

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def results(log):
    return [r for run in log["runs"] for r in run.get("results", [])]


def locations(log):
    """(file name, line, ruleId) of every result."""
    found = []
    for result in results(log):
        physical = result["locations"][0]["physicalLocation"]
        found.append((os.path.basename(physical["artifactLocation"]["uri"]),
                      physical["region"]["startLine"], result["ruleId"]))
    return sorted(found)


def sarif_validate(project, multitool):
    project.write("moved.c", HEADER + moved_function("first") + moved_function("second", "q"))
    project.write("clean.c", HEADER + clean_function("twice"))
    project.write("broken.c", "int broken(void) { return undeclared; }\n")
    log = project.sarif(files=["moved.c", "clean.c", "broken.c"], check_status=2)
    found = results(log)
    expect(len([r for r in found if r["ruleId"] == CHECK]) == 2,
           "expected two use-after-move results: %r" % found)
    for result in found:
        if result["ruleId"] == CHECK:
            expect(result.get("relatedLocations"), "the note is not a relatedLocation: %r"
                   % result)
            expect("fearless/v1" in result.get("partialFingerprints", {}),
                   "no partialFingerprints: %r" % result)
    output = os.path.join(project.root, "validation.sarif")
    run = subprocess.run([multitool, "validate", "--output", output,
                          os.path.join(project.root, "out.sarif")],
                         capture_output=True, text=True, timeout=600)
    print(run.stdout)
    expect(os.path.exists(output), "the validator wrote no report:\n%s%s" % (run.stdout,
                                                                           run.stderr))
    with open(output) as report:
        verdicts = results(json.load(report))
    errors = [v for v in verdicts if v.get("level", "warning") == "error"]
    expect(not errors, "the SARIF validator found errors:\n%s" % "\n".join(
        v["message"].get("text", json.dumps(v["message"])) for v in errors))


def baseline(project, _):
    project.write("a.c", HEADER + moved_function("old"))
    old = project.sarif(files=["a.c"], check_status=1)
    expect(len(results(old)) == 1, "expected one finding to baseline: %r" % results(old))
    shutil.copy(os.path.join(project.root, "out.sarif"), os.path.join(project.root, "base.sarif"))
    # Lines added above the known finding, and a new finding below it.
    project.write("a.c", HEADER + clean_function("added") + "\n" + moved_function("old")
                  + moved_function("fresh", "q"))
    new = project.sarif("--baseline=base.sarif", files=["a.c"], check_status=1)
    names = locations(new)
    expect(len(names) == 1 and names[0][1] > 20,
           "only the new finding (in 'fresh') must remain: %r" % names)
    # Only the known finding, moved down: nothing reported, status 0.
    project.write("a.c", HEADER + clean_function("added") + "\n" + moved_function("old"))
    result = project.run("--baseline=base.sarif", files=["a.c"], check_status=0)
    expect(CHECK not in result.stdout, "the baselined finding was reported:\n" + result.stdout)
    # A bad baseline is an input error, said clearly.
    project.write("bad.sarif", "{")
    result = project.run("--baseline=bad.sarif", files=["a.c"], check_status=2)
    expect("bad.sarif" in result.stderr, "unclear error: " + result.stderr)


def diff(project, _):
    project.git("init", "-q")
    project.write("a.c", HEADER + moved_function("old"))
    project.write("b.c", HEADER + moved_function("untouched"))
    project.git("add", ".")
    project.git("commit", "-q", "-m", "first")
    project.write("a.c", HEADER + moved_function("old") + moved_function("fresh", "q"))
    log = project.sarif("--diff", files=["a.c", "b.c"], check_status=1)
    names = locations(log)
    expect(len(names) == 1 and names[0][0] == "a.c" and names[0][1] > 12,
           "--diff must report only the new finding: %r" % names)
    project.git("commit", "-q", "-am", "second")
    result = project.run("--diff", files=["a.c", "b.c"], check_status=0)
    expect(CHECK not in result.stdout, "nothing changed since HEAD:\n" + result.stdout)
    log = project.sarif("--diff=HEAD~1", files=["a.c", "b.c"], check_status=1)
    expect(len(locations(log)) == 1, "--diff=HEAD~1: %r" % locations(log))
    result = project.run("--diff=no-such-ref", files=["a.c"], check_status=2)
    expect("no-such-ref" in result.stderr, "unclear error: " + result.stderr)


def shard(project, _):
    files = [project.write("f%02d.c" % i, HEADER + moved_function("f%d" % i))
             for i in range(12)]
    everything = locations(project.sarif(files=files, check_status=1))
    expect(len(everything) == 12, "one finding per file: %r" % everything)
    union = []
    for index in (1, 2, 3):
        part = locations(project.sarif("--shard=%d/3" % index, files=files))
        union += part
    expect(sorted(union) == everything,
           "the shards' findings must add up to the whole run's:\n%r\n%r" % (union, everything))
    result = project.run("--shard=4/3", files=files, check_status=2)
    expect("shard" in result.stderr, "unclear error: " + result.stderr)


def cache(project, _):
    project.write("shared.h", "#include <stdlib.h>\n#define SCALE 2\n")
    files = [project.write("c%02d.c" % i, '#include "shared.h"\n\n'
                           + (moved_function("g%d" % i) if i % 2 else clean_function("g%d" % i)))
             for i in range(8)]

    def report(*extra):
        log = project.sarif("--cache-dir=cache", *extra, files=files)
        return sorted(json.dumps(r, sort_keys=True) for r in results(log))

    def fresh():
        log = project.sarif(files=files)
        return sorted(json.dumps(r, sort_keys=True) for r in results(log))

    cold = report()
    expect(len(cold) == 4, "expected 4 findings: %r" % cold)
    expect(os.listdir(os.path.join(project.root, "cache")), "nothing was cached")
    expect(report() == cold, "a re-run from the cache gave another result")
    # An edit to one file: its new result, the others from the cache, same as no cache.
    project.write("c01.c", '#include "shared.h"\n\n' + clean_function("g1"))
    expect(report() == fresh(), "after an edit the cache gave a stale result")
    # An edit to the shared header changes every file's result.
    project.write("shared.h", "#include <stdlib.h>\n#define free(p) ((void)(p))\n")
    after = report()
    expect(after == fresh(), "after a header edit the cache gave a stale result")
    expect(len(after) == 0, "with free() defined away there is no use after move: %r" % after)


SCENARIOS = {f.__name__.replace("_", "-"): f
             for f in (sarif_validate, baseline, diff, shard, cache)}


def main():
    if len(sys.argv) < 3 or sys.argv[2] not in SCENARIOS:
        sys.exit(__doc__)
    project = Project(os.path.abspath(sys.argv[1]))
    try:
        SCENARIOS[sys.argv[2]](project, sys.argv[3] if len(sys.argv) > 3 else None)
    finally:
        project.remove()
    print("ok:", sys.argv[2])


if __name__ == "__main__":
    main()
