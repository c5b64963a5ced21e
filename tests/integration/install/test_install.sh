#!/bin/sh
# cmake --install into a scratch prefix, then build a consumer against the installed tree
# with find_package(fearless) and with pkg-config, and run what it built.
# usage: test_install.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -eu
build=$1 source=$2 cc=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/fearless-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" > "$work/install.log" ||
    { cat "$work/install.log"; fail "cmake --install"; }
libdir=$(cd "$prefix" && dirname "$(find . -name libfearless.a | head -n 1)")
for f in bin/fearless include/fearless.h include/fearless/thread.h include/fearless/chan.h \
         "$libdir/libfearless.a" "$libdir/libfearless.so" \
         "$libdir/cmake/fearless/fearlessConfig.cmake" \
         "$libdir/cmake/fearless/fearlessConfigVersion.cmake" \
         "$libdir/pkgconfig/fearless.pc"; do
    [ -e "$prefix/$f" ] || fail "not installed: $f"
done
"$prefix/bin/fearless" --version > "$work/version.txt" || fail "installed fearless --version"
grep -q fearless "$work/version.txt" || fail "installed fearless --version prints: $(cat "$work/version.txt")"

# 1. find_package(fearless)
cmake -S "$source/tests/integration/install/consumer" -B "$work/consumer" -G Ninja \
      -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$prefix" > "$work/configure.log" 2>&1 ||
    { cat "$work/configure.log"; fail "consumer configure (find_package)"; }
cmake --build "$work/consumer" > "$work/build.log" 2>&1 ||
    { cat "$work/build.log"; fail "consumer build (find_package)"; }
"$work/consumer/consumer_shared" | grep -q "consumer: 144" || fail "consumer_shared output"
"$work/consumer/consumer_static" | grep -q "consumer: 144" || fail "consumer_static output"
"$work/consumer/annotations_only" | grep -q "annotations: ok" || fail "annotations_only output"
# The static one must not need the shared library at run time.
! ldd "$work/consumer/consumer_static" | grep -q libfearless ||
    fail "consumer_static links libfearless.so"

# 2. pkg-config, shared and static
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
flags=$(pkg-config --cflags --libs fearless) || fail "pkg-config fearless"
"$cc" "$source/tests/integration/install/consumer/main.c" $flags -o "$work/pc_shared" ||
    fail "build with pkg-config"
LD_LIBRARY_PATH="$prefix/$libdir" "$work/pc_shared" | grep -q "consumer: 144" ||
    fail "pkg-config shared consumer output"
static_libs=$(pkg-config --static --libs fearless | sed 's/-lfearless/-l:libfearless.a/')
"$cc" "$source/tests/integration/install/consumer/main.c" $(pkg-config --cflags fearless) \
      $static_libs -o "$work/pc_static" || fail "build with pkg-config --static"
"$work/pc_static" | grep -q "consumer: 144" || fail "pkg-config static consumer output"
echo "ok: installed tree works with find_package and pkg-config"
