#pragma once
#include <cstddef>

namespace feedsieve::bench {

// bench_dedup --store: the synthetic corpus recorded into a real SQLite
// store, PER_POLL items a poll, each poll from one feed.
int through_store(std::size_t count, std::size_t per_poll);

}  // namespace feedsieve::bench
