#!/bin/sh
# expect.sh STATUS [PATTERN | !PATTERN]... -- COMMAND [ARG]...
# Runs COMMAND and passes when it exits with STATUS and its output (stdout and stderr
# together) contains every PATTERN and no !PATTERN (fixed strings). Prints the output
# when it fails, so the ctest log shows why.
set -u
want=$1
shift
patterns=
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  patterns="$patterns
$1"
  shift
done
[ $# -gt 0 ] || { echo "expect.sh: missing -- COMMAND" >&2; exit 2; }
shift
output=$("$@" 2>&1)
status=$?
fail=
[ "$status" = "$want" ] || fail="exit status $status, expected $want"
newline='
'
IFS=$newline
for pattern in $patterns; do
  [ -n "$pattern" ] || continue
  case $pattern in
    !*) if printf '%s\n' "$output" | grep -qF -- "${pattern#!}"; then
          fail="$fail${fail:+; }output contains '${pattern#!}'"
        fi ;;
    *) if ! printf '%s\n' "$output" | grep -qF -- "$pattern"; then
         fail="$fail${fail:+; }output lacks '$pattern'"
       fi ;;
  esac
done
if [ -n "$fail" ]; then
  printf 'FAILED: %s\ncommand: %s\n--- output ---\n%s\n' "$fail" "$*" "$output"
  exit 1
fi
exit 0
