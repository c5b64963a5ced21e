#!/bin/sh
# -DCMAKE_C_CLANG_TIDY=fearless on a sample project: the finding shows in the build log
# and fails the build (--fail-on), and the same project without the bug builds cleanly.
# usage: test_cmake_drop_in.sh FEARLESS SOURCE_DIR C_COMPILER
set -eu
fearless=$1 source=$2 cc=$3
sample="$source/tests/integration/cmake-drop-in/sample"
work=$(mktemp -d "${TMPDIR:-/tmp}/fearless-cmake.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

configure() { # build-dir with-bug
    cmake -S "$sample" -B "$work/$1" -G Ninja -DCMAKE_C_COMPILER="$cc" \
          -DSAMPLE_WITH_BUG="$2" "-DCMAKE_C_CLANG_TIDY=$fearless;--fail-on=error" \
          > "$work/$1.configure.log" 2>&1 || { cat "$work/$1.configure.log"; fail "configure $1"; }
}

configure buggy ON
if cmake --build "$work/buggy" > "$work/buggy.log" 2>&1; then
    cat "$work/buggy.log"; fail "the build with a use after move succeeded"
fi
cat "$work/buggy.log"
grep -q "moved.c:10:[0-9]*: error: .*\[fearless-use-after-move\]" "$work/buggy.log" ||
    fail "the build log lacks the finding in clang's format"
grep -q "error the compile command" "$work/buggy.log" &&
    fail "fearless did not get the compile command's flags"

configure clean OFF
cmake --build "$work/clean" > "$work/clean.log" 2>&1 || { cat "$work/clean.log"; fail "clean build failed"; }
grep -q "fearless-" "$work/clean.log" && { cat "$work/clean.log"; fail "findings in the clean build"; }
"$work/clean/sample" | grep -qx 6 || fail "the clean sample does not run"
echo "ok: CMAKE_C_CLANG_TIDY=fearless reports and fails the build, and passes a clean one"
