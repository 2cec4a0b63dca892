#pragma once
// Retention: which items and stories a configured policy lets go. Plain
// values, so the config can hold a policy without depending on SQLite.
#include <chrono>
#include <optional>

namespace feedsieve {

struct RetentionPolicy {
  std::optional<std::chrono::days> keep_days;           // items of off-topic stories
  std::optional<std::chrono::days> keep_days_on_topic;  // items of on-topic stories
  std::optional<int> max_items_per_feed;                // newest items kept per feed

  bool any() const { return keep_days || keep_days_on_topic || max_items_per_feed; }
};

struct PruneReport {
  long long items = 0;    // items removed (or, dry run, that would be)
  long long stories = 0;  // stories removed with their last item
};

}  // namespace feedsieve
