#!/bin/bash
# Times Debian's python3-feedparser and `feedsieve parse --batch` on the same
# generated corpus (bench_parse --write), in one run.
#   bench/parse/compare.sh [BUILD_DIR] [COUNT] [HUGE]
# BUILD_DIR defaults to build/ (a RelWithDebInfo build: a sanitizer build
# measures the sanitizer). feedparser is slow; keep COUNT in the thousands.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
count=${2:-3000}
huge=${3:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/bench/bench_parse" --count "$count" --huge "$huge" --write "$dir/corpus" >/dev/null
bytes=$(du -sb "$dir/corpus" | cut -f1)
files=$(ls "$dir/corpus" | wc -l)

now() { date +%s.%N; }
start=$(now)
"$build/feedsieve" parse --batch "$dir/corpus" > "$dir/feedsieve.txt"
feedsieve=$(echo "$(now) - $start" | bc -l)

start=$(now)
/usr/bin/python3 -c '
import os, sys, feedparser
folder = sys.argv[1]
items = sum(len(feedparser.parse(os.path.join(folder, name)).entries) for name in sorted(os.listdir(folder)))
print(items)' "$dir/corpus" > "$dir/feedparser.txt"
feedparser=$(echo "$(now) - $start" | bc -l)

mb=$(echo "$bytes / 1000000" | bc -l)
printf 'corpus: %d files, %.1f MB\n' "$files" "$mb"
printf 'feedsieve parse --batch: %7.2f s  %8.1f MB/s  (%s)\n' "$feedsieve" "$(echo "$mb / $feedsieve" | bc -l)" \
  "$(tail -1 "$dir/feedsieve.txt")"
printf 'python3-feedparser:      %7.2f s  %8.1f MB/s  (%s items)\n' "$feedparser" "$(echo "$mb / $feedparser" | bc -l)" \
  "$(cat "$dir/feedparser.txt")"
printf 'feedsieve is %.1fx faster\n' "$(echo "$feedparser / $feedsieve" | bc -l)"
