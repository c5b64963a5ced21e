#!/bin/sh
# Installs Microsoft's SARIF validator (@microsoft/sarif-multitool, from the npm
# registry) into DIR once; later runs find it there. usage: install_sarif_multitool.sh DIR
set -eu
dir=$1
tool="$dir/node_modules/.bin/sarif-multitool"
if [ -x "$tool" ] && "$tool" --version >/dev/null 2>&1; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is missing: run scripts/setup" >&2; exit 1; }
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool
"$tool" --version >/dev/null
echo "installed $tool"
