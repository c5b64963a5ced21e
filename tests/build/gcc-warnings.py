#!/usr/bin/env python3
"""Recompiles every C file of the build's compile_commands.json with gcc -fsyntax-only
-Wall -Wextra -Werror: the project must be warning-clean on gcc as well as clang."""
import json, shlex, subprocess, sys

CLANG_ONLY = ("-fsanitize=fuzzer", "-Wthread-safety")

def gcc_command(entry):
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = ["gcc"], False
    for arg in args[1:]:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg == "-c" or arg.startswith("-fsanitize") or arg.startswith("-fno-sanitize"):
            continue
        out.append(arg)
    return out + ["-fsyntax-only", "-Wall", "-Wextra", "-Werror"]

def main(database):
    entries = json.load(open(database))
    failures, seen = 0, set()
    for entry in entries:
        text = entry.get("command", "") + " ".join(entry.get("arguments", []))
        if entry["file"] in seen or any(flag in text for flag in CLANG_ONLY):
            continue
        seen.add(entry["file"])
        result = subprocess.run(gcc_command(entry), cwd=entry["directory"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            failures += 1
            sys.stderr.write(result.stderr)
    print(f"gcc -Wall -Wextra: {len(seen)} files, {failures} with warnings or errors")
    return 1 if failures or not seen else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
