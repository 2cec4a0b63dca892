#!/bin/bash
# Builds the parse_feed fuzz target with clang (libFuzzer, ASan, UBSan) and runs it.
#   tests/fuzz/run.sh [SECONDS] [libFuzzer options...]
# The build goes to build-fuzz/ (or $FUZZ_BUILD); the seed corpus is the test
# fixtures and the feedconf documents, the working corpus build-fuzz/corpus/,
# crashes land in build-fuzz/crashes/. Needs clang-14 and libclang-rt-14-dev;
# the normal build does not use either.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_BUILD:-$root/build-fuzz}
seconds=${1:-600}
[ $# -gt 0 ] && shift
cxx=${CXX_FUZZ:-clang++-14}
mkdir -p "$out/obj" "$out/corpus" "$out/crashes" "$out/generated/feeds"
sed 's/@PROJECT_VERSION@/fuzz/g' "$root/feeds/version.hpp.in" > "$out/generated/feeds/version.hpp"

flags="-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
incs="-I$root -I$out/generated $(pkg-config --cflags gumbo libutf8proc)"
# An object is rebuilt when its source is newer, and all of them when any
# header is: a struct that gained a field changes every object that uses it.
stamp="$out/obj/headers.stamp"
if [ ! -e "$stamp" ] || [ -n "$(find "$root/feeds" "$root/tests/fuzz" -name '*.hpp' -newer "$stamp" -print -quit)" ]; then
  rm -f "$out"/obj/*.o
fi
touch "$stamp"
objs=""
for src in "$root"/feeds/parse/*.cpp "$root"/feeds/encoding/*.cpp "$root"/feeds/date/*.cpp \
           "$root"/feeds/text/*.cpp "$root"/feeds/url/*.cpp "$root"/feeds/json/*.cpp "$root"/tests/fuzz/parse_fuzz.cpp; do
  obj="$out/obj/$(echo "${src#$root/}" | tr / _).o"
  if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ]; then
    echo "compile ${src#$root/}"
    # shellcheck disable=SC2086
    $cxx $flags $incs -c "$src" -o "$obj" &
    # Two compiles at a time.
    [ "$(jobs -p | wc -l)" -ge 2 ] && wait -n 2>/dev/null || true
  fi
  objs="$objs $obj"
done
wait
# shellcheck disable=SC2086
$cxx -fsanitize=fuzzer,address,undefined $objs -o "$out/parse_fuzz" \
  -lpugixml -lboost_json -lboost_url $(pkg-config --libs gumbo libutf8proc)

seeds="$out/seeds"
mkdir -p "$seeds"
find "$root/tests/fixtures" "$root/tests/corpora/feedconf-dev/docs" -type f -size -256k \
  -exec sh -c 'for f; do cp "$f" "$0/$(echo "$f" | md5sum | cut -c1-16)"; done' "$seeds" {} +
cd "$out"
exec ./parse_fuzz -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 "$@" "$out/corpus" "$seeds"
