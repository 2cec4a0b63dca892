#pragma once
// A feed's health as `feedsieve status` and GET /api/feeds report it: the
// stored poll state joined with what the feed contributed, classified.
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/store/store.hpp"

namespace feedsieve {

enum class FeedHealth {
  ok,        // last poll succeeded
  failing,   // one or more failures in a row
  disabled,  // turned off in the config, or gone (410): no longer polled
  pending,   // never polled yet
};

std::string_view health_name(FeedHealth health);

struct FeedStatus {
  FeedRecord feed;
  FeedActivity activity;
  FeedHealth health = FeedHealth::pending;
  bool gone = false;  // the server answered 410 Gone
  // Failing, with no success since at least this long (since the feed
  // appeared when it never succeeded); zero otherwise.
  std::chrono::seconds failing_for{0};
};

// The server said 410 Gone at the last poll. A changed URL clears next_poll
// (and so revives the feed), which tells a stale 410 from a current one.
bool is_gone(const FeedRecord& feed);

// Joins feeds (any order) with their activity by feed id. Pure.
FeedStatus classify(FeedRecord feed, const FeedActivity& activity, Timestamp now);
std::vector<FeedStatus> feed_statuses(const Store& store, Timestamp now);

struct HealthSummary {
  int ok = 0;
  int failing = 0;
  int disabled = 0;
  int pending = 0;
  int failing_too_long = 0;  // failing for at least the threshold
};

HealthSummary summarize(const std::vector<FeedStatus>& statuses, std::chrono::seconds fail_after);

// A feed as the config lists it: what the status report starts from.
struct ConfiguredFeed {
  std::string name;
  std::string url;
  bool enabled = true;
};

// The feeds of a config: anything with name, url and enabled (FeedConfig).
template <class Feeds>
std::vector<ConfiguredFeed> as_configured(const Feeds& feeds) {
  std::vector<ConfiguredFeed> out;
  for (const auto& feed : feeds) out.push_back({feed.name, feed.url, feed.enabled});
  return out;
}

// The configured feeds, in config order, with their stored state; a feed the
// daemon has not seen yet is pending, one switched off in the config disabled.
std::vector<FeedStatus> configured_statuses(const std::vector<ConfiguredFeed>& feeds, const Store& store,
                                            Timestamp now);

// {"feeds": [to_json(status)...], "summary": {"ok", "failing", "disabled",
//  "pending", "failing_too_long"}}: `status --format json` and GET /api/feeds.
// Every value is allocated from `storage` (a monotonic_resource makes 10,000
// feeds cheap to build and to drop).
boost::json::value status_report_json(const std::vector<FeedStatus>& statuses, const HealthSummary& summary,
                                      const boost::json::storage_ptr& storage = {});

// {"name", "url", "health", "last_attempt", "last_success", "http_status",
//  "error", "error_count", "next_poll", "items", "stories",
//  "average_interval_seconds", "moved_to", "failing_for_seconds"}
boost::json::value to_json(const FeedStatus& status, const boost::json::storage_ptr& storage = {});

}  // namespace feedsieve
