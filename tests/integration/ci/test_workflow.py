#!/usr/bin/env python3
"""docs/github-actions.yml, run for real as far as a machine without GitHub can: its
configure step and its fearless step (each matrix shard) on a sample CMake project; the
SARIF files it would upload must hold the project's finding exactly once.

usage: test_workflow.py FEARLESS SOURCE_DIR C_COMPILER"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

SAMPLE = {
    "CMakeLists.txt": "cmake_minimum_required(VERSION 3.20)\nproject(sample C)\n"
                      "add_executable(sample main.c a.c b.c c.c)\n",
    "main.c": "int a(void);\nint main(void) { return a(); }\n",
    "a.c": "#include <stdlib.h>\nint a(void)\n{\n    char *p = malloc(1);\n    free(p);\n"
           "    return *p;\n}\n",
    "b.c": "int b(int x) { return x + 1; }\n",
    "c.c": "int c(int x) { return x * 3; }\n",
}


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def step(job, name):
    found = [s for s in job["steps"] if s.get("name") == name]
    expect(found, "the workflow has no step named %r" % name)
    return found[0]


def expand(script, shard):
    """The GitHub expressions the steps use, for one matrix job."""
    return script.replace("${{ matrix.shard }}", str(shard))


def main():
    fearless, source, cc = (os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]),
                            sys.argv[3])
    with open(os.path.join(source, "docs", "github-actions.yml")) as workflow_file:
        workflow = yaml.safe_load(workflow_file)
    job = workflow["jobs"]["fearless"]
    expect(workflow["permissions"].get("security-events") == "write",
           "uploading SARIF needs security-events: write")
    upload = [s for s in job["steps"] if "upload-sarif" in s.get("uses", "")]
    expect(upload and "sarif_file" in upload[0]["with"], "no upload-sarif step with sarif_file")
    shards = job["strategy"]["matrix"]["shard"]

    root = tempfile.mkdtemp(prefix="fearless-workflow-")
    try:
        for name, text in SAMPLE.items():
            with open(os.path.join(root, name), "w") as out:
                out.write(text)
        env = dict(os.environ, PATH=os.path.dirname(fearless) + os.pathsep + os.environ["PATH"],
                   CC=cc)
        configure = step(job, "Configure (writes compile_commands.json)")["run"]
        subprocess.run(["bash", "-e", "-c", configure], cwd=root, env=env, check=True,
                       capture_output=True)
        run = step(job, "Run fearless")["run"]
        findings = []
        for shard in shards:
            github_env = os.path.join(root, "github-env-%d" % shard)
            open(github_env, "w").close()
            result = subprocess.run(["bash", "-e", "-c", expand(run, shard)], cwd=root,
                                    env=dict(env, GITHUB_ENV=github_env), capture_output=True,
                                    text=True)
            expect(result.returncode == 0, "the step must not fail before the upload:\n"
                   + result.stdout + result.stderr)
            sarif_file = os.path.join(root, expand(upload[0]["with"]["sarif_file"], shard))
            with open(sarif_file) as log:
                sarif = json.load(log)
            expect(sarif["version"] == "2.1.0", "not SARIF 2.1.0: %s" % sarif_file)
            results = [r for run_ in sarif["runs"] for r in run_.get("results", [])]
            with open(github_env) as status:
                recorded = status.read()
            expect(bool(results) == bool(re.search(r"status=1", recorded)),
                   "shard %d: findings %r but GITHUB_ENV %r" % (shard, results, recorded))
            findings += [r["ruleId"] for r in results]
        expect(findings == ["fearless-use-after-move"],
               "the shards together must report a.c's finding once: %r" % findings)
        expect(os.listdir(os.path.join(root, ".fearless-cache")),
               "the step's --cache-dir stored nothing")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("ok: the workflow's steps produce the SARIF it uploads")


if __name__ == "__main__":
    main()
