#!/usr/bin/env python3
"""End to end with a real editor: headless Neovim, its built-in LSP client started on
`fearless lsp --wrap=CLANGD`, opens a file with a use after move (fearless finds it) and an
undeclared identifier (clangd reports it), and both diagnostics must reach the editor.

usage: test_nvim.py FEARLESS [CLANGD [NVIM]]"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

# The undeclared identifier sits in its own function: fearless checks every function
# whose body compiled (clangd reports the broken one).
SOURCE = """#include <stdlib.h>

static int broken(void)
{
    return undeclared_counter;
}

int main(void)
{
    char *p = malloc(4);
    free(p);
    return p[0] + broken();
}
"""
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    fearless = os.path.abspath(sys.argv[1])
    clangd = sys.argv[2] if len(sys.argv) > 2 else "clangd-19"
    nvim = sys.argv[3] if len(sys.argv) > 3 else "nvim"
    root = tempfile.mkdtemp(prefix="fearless-nvim-")
    try:
        with open(os.path.join(root, "both.c"), "w") as out:
            out.write(SOURCE)
        output = os.path.join(root, "diagnostics.json")
        env = dict(os.environ, FEARLESS=fearless, FEARLESS_CLANGD=clangd,
                   FEARLESS_NVIM_OUT=output)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[name] = os.path.join(root, name.lower())  # no user configuration leaks in
        run = subprocess.run([nvim, "--headless", "-n", "-i", "NONE",
                              "-u", os.path.join(HERE, "init.lua"), "both.c",
                              "-c", "luafile " + os.path.join(HERE, "collect.lua")],
                             cwd=root, env=env, stdin=subprocess.DEVNULL,
                             capture_output=True, timeout=180)
        if not os.path.exists(output):
            sys.exit("nvim wrote no diagnostics (status %d):\n%s\n%s" % (
                run.returncode, run.stdout.decode(errors="replace"),
                run.stderr.decode(errors="replace")))
        with open(output) as result:
            diagnostics = json.load(result)["diagnostics"]
        print(json.dumps(diagnostics, indent=1))
        moved = [d for d in diagnostics if d["source"] == "fearless"
                 and d["code"] == "fearless-use-after-move" and d["lnum"] == 11]
        undeclared = [d for d in diagnostics if d["source"] == "clang"
                      and "undeclared" in d["message"] and d["lnum"] == 4]
        if not moved:
            sys.exit("fearless's use-after-move did not reach Neovim")
        if not undeclared:
            sys.exit("clangd's undeclared identifier did not reach Neovim")
        duplicates = [d for d in diagnostics if d["source"] == "fearless"
                      and "undeclared" in d["message"]]
        if duplicates:
            sys.exit("fearless repeated clangd's compile error: %r" % duplicates)
        print("ok: both diagnostics reached Neovim")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
