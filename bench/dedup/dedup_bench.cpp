// bench_dedup [ITEMS]: synthetic items with injected duplicate groups through
// normalization + fingerprinting, then story assignment (StoryIndex).
// Reports items/s per phase (one core; wall clock and the thread's CPU time,
// which is what counts on a shared machine), index bytes per item, peak
// RSS, pairwise precision/recall against the injected groups, and per kind
// of copy or hard negative how often the assignment got it right.
//
// bench_dedup --store [ITEMS] [PER_POLL]: the same corpus recorded into a
// real SQLite store (store_bench.cpp).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "bench/dedup/scoring.hpp"
#include "bench/dedup/stopwatch.hpp"
#include "bench/dedup/store_bench.hpp"
#include "bench/dedup/synthetic.hpp"
#include "feeds/dedup/fingerprint.hpp"
#include "feeds/dedup/story_index.hpp"

namespace {

using namespace feedsieve;
using namespace feedsieve::bench;

int in_memory(std::size_t count) {
  std::mt19937_64 rng(20240501);
  std::printf("generating %zu items...\n", count);
  const std::vector<Synthetic> items = generate(count, rng);

  Stopwatch watch;
  std::vector<Fingerprint> prints;
  prints.reserve(items.size());
  for (const Synthetic& s : items) prints.push_back(fingerprint(s.title, s.body));
  report("normalize + fingerprint", count, watch.lap());

  StoryIndex index;
  std::vector<std::uint32_t> stories;
  stories.reserve(items.size());
  for (std::size_t i = 0; i < prints.size(); ++i) stories.push_back(index.assign(prints[i], items[i].feed));
  report("story assignment", count, watch.lap());

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("index: %.1f bytes/item (%zu with text); peak RSS %.0f MiB (whole run, corpus included)\n",
              static_cast<double>(index.memory_bytes()) / static_cast<double>(count), index.items(),
              static_cast<double>(usage.ru_maxrss) / 1024.0);
  score_pairs(stories, items);
  score_kinds(stories, items);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const bool store = argc > 1 && std::strcmp(argv[1], "--store") == 0;
  const int first = store ? 2 : 1;
  const std::size_t count = argc > first ? std::strtoull(argv[first], nullptr, 10) : (store ? 100'000 : 1'000'000);
  if (!store) return in_memory(count);
  const std::size_t per_poll = argc > first + 1 ? std::strtoull(argv[first + 1], nullptr, 10) : 50;
  return feedsieve::bench::through_store(count, per_poll);
}
