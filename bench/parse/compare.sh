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
if ! /usr/bin/python3 -c 'import feedparser' 2>/dev/null; then
  echo "compare.sh: python3 cannot import feedparser; install it with: apt-get install python3-feedparser" >&2
  exit 2
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/bench/bench_parse" --count "$count" --huge "$huge" --write "$dir/corpus" >/dev/null
bytes=$(du -sb "$dir/corpus" | cut -f1)
files=$(ls "$dir/corpus" | wc -l)

# Wall time, and CPU time (user + system) which stays meaningful on a busy machine.
now() { date +%s.%N; }
TIMEFORMAT='%U %S'
cpu() { tail -1 "$1" | awk '{ print $1 + $2 }'; }
start=$(now)
{ time "$build/feedsieve" parse --batch "$dir/corpus" > "$dir/feedsieve.txt" ; } 2> "$dir/feedsieve.cpu"
feedsieve=$(echo "$(now) - $start" | bc -l)
feedsieve_cpu=$(cpu "$dir/feedsieve.cpu")

start=$(now)
{ time /usr/bin/python3 -c '
import os, sys, feedparser
folder = sys.argv[1]
items = sum(len(feedparser.parse(os.path.join(folder, name)).entries) for name in sorted(os.listdir(folder)))
print(items)' "$dir/corpus" > "$dir/feedparser.txt" ; } 2> "$dir/feedparser.cpu"
feedparser=$(echo "$(now) - $start" | bc -l)
feedparser_cpu=$(cpu "$dir/feedparser.cpu")

mb=$(echo "$bytes / 1000000" | bc -l)
printf 'corpus: %d files, %.1f MB\n' "$files" "$mb"
printf 'feedsieve parse --batch: %7.2f s  %8.1f MB/s  (%s)\n' "$feedsieve" "$(echo "$mb / $feedsieve" | bc -l)" \
  "$(tail -1 "$dir/feedsieve.txt")"
printf 'python3-feedparser:      %7.2f s  %8.1f MB/s  (%s items)\n' "$feedparser" "$(echo "$mb / $feedparser" | bc -l)" \
  "$(cat "$dir/feedparser.txt")"
printf 'CPU time: feedsieve %.2f s, feedparser %.2f s\n' "$feedsieve_cpu" "$feedparser_cpu"
printf 'feedsieve is %.1fx faster (wall), %.1fx (CPU)\n' "$(echo "$feedparser / $feedsieve" | bc -l)" \
  "$(echo "$feedparser_cpu / $feedsieve_cpu" | bc -l)"
