#!/bin/sh
# with_output.sh FILE COMMAND [ARG]...: runs COMMAND, then prints FILE (what it wrote with
# -o), and exits with COMMAND's status; lets expect.sh check a file's contents.
file=$1
shift
"$@"
status=$?
cat "$file"
exit $status
