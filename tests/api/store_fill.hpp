#pragma once
// Stories in a real store for the API tests: one poll of one feed per call,
// through Store::record_poll like the daemon's.
#include <string>
#include <vector>

#include "daemon/store/store.hpp"
#include "feeds/date/date.hpp"

namespace feedsieve::test {

struct StorySeed {
  std::string title;
  std::string link;
  Timestamp published;
  std::string summary = "";
  bool on_topic = true;
};

// Stores `seeds` as new items of feed `feed` (created when missing).
PollStored store_items(Store& store, const std::string& feed, const std::vector<StorySeed>& seeds);

// `count` stories "Story N" dated an hour apart, the newest at 2024-05-01T00:00:00Z.
std::vector<StorySeed> hourly_stories(int count, const std::string& prefix = "Story");

}  // namespace feedsieve::test
