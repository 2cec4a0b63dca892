#pragma once
// Retention: which items and stories a configured policy lets go. Plain
// values, so the config can hold a policy without depending on SQLite.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace feedsieve {

struct RetentionPolicy {
  std::optional<std::chrono::days> keep_days;           // items of off-topic stories
  std::optional<std::chrono::days> keep_days_on_topic;  // items of on-topic stories
  std::optional<int> max_items_per_feed;                // newest items kept per feed

  bool any() const { return keep_days || keep_days_on_topic || max_items_per_feed; }
};

// One feed's share of a prune: how many of its items go, and when the oldest
// and the newest of them were last listed.
struct FeedPrune {
  std::string feed;
  long long items = 0;
  std::string first_listed;  // RFC 3339
  std::string last_listed;

  bool operator==(const FeedPrune&) const = default;
};

struct PruneReport {
  long long items = 0;    // items removed (or, dry run, that would be)
  long long stories = 0;  // stories removed with their last item
  std::vector<FeedPrune> by_feed;  // most items first
};

}  // namespace feedsieve
