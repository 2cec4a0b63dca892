#!/bin/bash
# Builds a fuzz target with clang (libFuzzer, ASan, UBSan) and runs it.
#   tests/fuzz/run.sh [parse|extract] [SECONDS] [libFuzzer options...]
# parse (the default): parse_feed, seeded with the test fixtures and the
# feedconf documents. extract: extract_article, seeded with the HTML
# fixtures and the extraction-dev pages.
# The build goes to build-fuzz/ (or $FUZZ_BUILD); each target's working
# corpus is build-fuzz/corpus-TARGET/, crashes land in build-fuzz/crashes/.
# Needs clang-14 and libclang-rt-14-dev; the normal build does not use either.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_BUILD:-$root/build-fuzz}
target=parse
case "${1:-}" in
  parse|extract) target=$1; shift ;;
esac
seconds=${1:-600}
[ $# -gt 0 ] && shift
cxx=${CXX_FUZZ:-clang++-14}
mkdir -p "$out/obj" "$out/corpus-$target" "$out/crashes" "$out/generated/feeds"
sed 's/@PROJECT_VERSION@/fuzz/g' "$root/feeds/version.hpp.in" > "$out/generated/feeds/version.hpp"

flags="-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
incs="-I$root -I$out/generated $(pkg-config --cflags gumbo libutf8proc uchardet)"
# An object is rebuilt when its source is newer, and all of them when any
# header is: a struct that gained a field changes every object that uses it.
stamp="$out/obj/headers.stamp"
if [ ! -e "$stamp" ] || [ -n "$(find "$root/feeds" "$root/tests/fuzz" -name '*.hpp' -newer "$stamp" -print -quit)" ]; then
  rm -f "$out"/obj/*.o
fi
touch "$stamp"
objs=""
for src in "$root"/feeds/parse/*.cpp "$root"/feeds/encoding/*.cpp "$root"/feeds/date/*.cpp \
           "$root"/feeds/text/*.cpp "$root"/feeds/url/*.cpp "$root"/feeds/json/*.cpp \
           "$root"/feeds/html/*.cpp "$root"/feeds/extract/*.cpp "$root/tests/fuzz/${target}_fuzz.cpp"; do
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
$cxx -fsanitize=fuzzer,address,undefined $objs -o "$out/${target}_fuzz" \
  -lpugixml -lboost_json -lboost_url $(pkg-config --libs gumbo libutf8proc uchardet)

seeds="$out/seeds-$target"
mkdir -p "$seeds"
copy_seeds() {
  find "$@" -type f -size -256k -exec sh -c 'for f; do cp "$f" "$0/$(echo "$f" | md5sum | cut -c1-16)"; done' "$seeds" {} +
}
if [ "$target" = parse ]; then
  copy_seeds "$root/tests/fixtures" "$root/tests/corpora/feedconf-dev/docs"
  max_len=65536
else
  copy_seeds "$root/tests/fixtures" -name '*.html'
  for page in "$root"/tests/corpora/extraction-dev/pages/*.html.gz; do
    gunzip -c "$page" > "$seeds/$(basename "$page" .gz)"
  done
  max_len=1048576  # whole news pages
fi
cd "$out"
exec "./${target}_fuzz" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 "$@" "$out/corpus-$target" "$seeds"
