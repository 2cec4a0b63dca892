#pragma once
// What one fetch means for one feed: the pure step between the network and
// the store. Parses the body, normalizes the items, and plans the next poll.
#include <string>

#include "daemon/config/config.hpp"
#include "daemon/fetch/fetcher.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve {

struct PollPlan {
  PollRecord record;
  std::string summary;  // one log line: what happened and when the next poll is
};

// `feed` is the stored state before this poll; `r` is a uniform draw in [0, 1) for jitter.
PollPlan plan_poll(const FeedRecord& feed, const FeedConfig& feed_config, const Config& config,
                   const FetchResult& fetch, Timestamp now, double r);

}  // namespace feedsieve
