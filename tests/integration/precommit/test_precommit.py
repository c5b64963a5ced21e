#!/usr/bin/env python3
"""pre-commit, tested in scratch git repositories: a commit introducing a use after move is
refused, a clean one goes through, and only the staged version of a file counts.

usage: test_precommit.py FEARLESS SOURCE_DIR {plain-git,framework}"""
import os
import shutil
import subprocess
import sys
import tempfile

CLEAN = """#include <stdlib.h>

int main(void)
{
    char *p = malloc(4);
    if (!p)
        return 1;
    p[0] = 0;
    int first = p[0];
    free(p);
    return first;
}
"""
MOVED = CLEAN.replace("    return first;\n", "    return p[0] + first;\n")
EDITED_ELSEWHERE = CLEAN.replace("        return 1;\n", "        return 2;\n")


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


class Repository:
    def __init__(self, fearless):
        self.root = tempfile.mkdtemp(prefix="fearless-pre-commit-")
        self.env = dict(os.environ,
                        PATH=os.path.dirname(fearless) + os.pathsep + os.environ["PATH"],
                        PRE_COMMIT_HOME=os.path.join(self.root, ".pre-commit-home"),
                        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
        self.work = os.path.join(self.root, "work")
        os.mkdir(self.work)
        self.git("init", "-q", "-b", "main")

    def run(self, *command):
        return subprocess.run(command, cwd=self.work, env=self.env, capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=300)

    def git(self, *arguments):
        result = self.run("git", *arguments)
        expect(result.returncode == 0, "git %s failed:\n%s%s" % (
            " ".join(arguments), result.stdout, result.stderr))
        return result

    def write(self, name, text):
        with open(os.path.join(self.work, name), "w") as out:
            out.write(text)

    def commit(self, message, *extra):
        return self.run("git", "commit", "-q", "-m", message, *extra)

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def assert_refused(result, what):
    output = result.stdout + result.stderr
    expect(result.returncode != 0, "%s was committed:\n%s" % (what, output))
    expect("fearless-use-after-move" in output, "%s: the finding is not shown:\n%s"
           % (what, output))


def assert_accepted(result, what):
    expect(result.returncode == 0, "%s was refused:\n%s%s" % (what, result.stdout,
                                                            result.stderr))


def plain_git(repo, source_dir):
    hook = os.path.join(repo.work, ".git", "hooks", "pre-commit")
    shutil.copy(os.path.join(source_dir, "scripts", "pre-commit"), hook)
    os.chmod(hook, 0o755)
    repo.write("main.c", CLEAN)
    repo.git("add", "main.c")
    assert_accepted(repo.commit("clean first commit"), "a clean first commit")
    # A use after move, staged: refused.
    repo.write("main.c", MOVED)
    repo.git("add", "main.c")
    assert_refused(repo.commit("introduce a use after move"), "a staged use after move")
    # Staged version clean, working tree not: the staged version is what counts.
    repo.write("main.c", EDITED_ELSEWHERE)
    repo.git("add", "main.c")
    repo.write("main.c", MOVED)
    assert_accepted(repo.commit("clean staged edit"), "a clean staged version")
    # An old finding on a line the commit does not touch does not block it.
    repo.git("add", "main.c")
    assert_accepted(repo.commit("legacy finding", "--no-verify"), "--no-verify")
    repo.write("main.c", MOVED.replace("    p[0] = 0;\n", "    p[0] = 1;\n"))
    repo.git("add", "main.c")
    assert_accepted(repo.commit("edit elsewhere"), "an edit away from an old finding")
    # With a compile database: its paths are rewritten to the staged tree.
    repo.write("compile_commands.json",
               '[{"directory": "%s", "file": "%s/new.c", "command": "cc -DNEW -c new.c"}]'
               % (repo.work, repo.work))
    repo.write("new.c", "#ifndef NEW\n#error needs -DNEW\n#endif\n" + MOVED)
    repo.git("add", "new.c")
    result = repo.commit("new file with a finding")
    assert_refused(result, "a new file with a use after move")
    expect("needs -DNEW" not in result.stdout + result.stderr,
           "compile_commands.json flags were not used:\n" + result.stdout + result.stderr)


def framework(repo, source_dir):
    """The pre-commit framework, installed as the git hook, with this repository's
    .pre-commit-hooks.yaml (copied into a scratch hook repository: pre-commit reads hook
    definitions from a commit)."""
    hooks = os.path.join(repo.root, "hooks")
    os.mkdir(hooks)
    shutil.copy(os.path.join(source_dir, ".pre-commit-hooks.yaml"), hooks)
    for command in (["init", "-q"], ["add", ".pre-commit-hooks.yaml"],
                    ["commit", "-q", "-m", "hooks"]):
        subprocess.run(["git", *command], cwd=hooks, env=repo.env, check=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, env=repo.env, check=True,
                         capture_output=True, text=True).stdout.strip()
    repo.write(".pre-commit-config.yaml", "repos:\n  - repo: %s\n    rev: %s\n"
               "    hooks:\n      - id: fearless\n" % (hooks, rev))
    repo.write("main.c", CLEAN)
    repo.git("add", ".pre-commit-config.yaml", "main.c")
    result = repo.run("pre-commit", "install")
    expect(result.returncode == 0, "pre-commit install: " + result.stdout + result.stderr)
    assert_accepted(repo.commit("clean first commit"), "a clean first commit")
    repo.write("main.c", MOVED)
    repo.git("add", "main.c")
    assert_refused(repo.commit("introduce a use after move"), "a staged use after move")
    repo.write("main.c", EDITED_ELSEWHERE)
    repo.git("add", "main.c")
    repo.write("main.c", MOVED)  # unstaged: pre-commit stashes it away
    assert_accepted(repo.commit("clean staged edit"), "a clean staged version")


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ("plain-git", "framework"):
        sys.exit(__doc__)
    fearless, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    repo = Repository(fearless)
    try:
        (plain_git if sys.argv[3] == "plain-git" else framework)(repo, source_dir)
    finally:
        repo.remove()
    print("ok:", sys.argv[3])


if __name__ == "__main__":
    main()
