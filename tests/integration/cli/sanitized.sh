#!/bin/sh
# sanitized.sh COMMAND [ARG]...: passes unless COMMAND hit a sanitizer report (exit 86, as
# ASAN/UBSAN/LSAN_OPTIONS set it), crashed (a signal), or printed a sanitizer message.
# Whether its findings are right is the corpus label's business, not this one's.
output=$("$@" 2>&1)
status=$?
if [ "$status" -eq 86 ] || [ "$status" -ge 128 ] ||
   printf '%s\n' "$output" | grep -qE 'runtime error:|Sanitizer'; then
  printf 'FAILED: exit status %s\ncommand: %s\n--- output ---\n%s\n' "$status" "$*" "$output"
  exit 1
fi
exit 0
