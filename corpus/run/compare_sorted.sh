#!/bin/sh
# Runs a corpus program and compares its stdout with NAME.expected, both sorted,
# because the interleaving of lines printed by different threads varies run to run.
# Usage: compare_sorted.sh PROGRAM EXPECTED_FILE
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 PROGRAM EXPECTED_FILE" >&2
    exit 2
fi
program=$1
expected=$2
if [ ! -r "$expected" ]; then
    echo "error: cannot read expected output '$expected'" >&2
    exit 2
fi
actual=$(mktemp) || exit 2
trap 'rm -f "$actual" "$actual.sorted" "$actual.expected"' EXIT
"$program" >"$actual"
status=$?
if [ "$status" -ne 0 ]; then
    echo "error: '$program' exited with status $status" >&2
    exit 1
fi
LC_ALL=C sort "$actual" >"$actual.sorted"
LC_ALL=C sort "$expected" >"$actual.expected"
if ! diff -u "$actual.expected" "$actual.sorted"; then
    echo "error: sorted output of '$program' differs from '$expected' (diff above: - expected, + actual)" >&2
    exit 1
fi
echo "ok: $(wc -l <"$actual" | tr -d ' ') lines match $expected"
