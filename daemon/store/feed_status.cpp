#include "daemon/store/feed_status.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <string_view>
#include <unordered_map>

#include "daemon/store/story_json.hpp"
#include "feeds/date/date.hpp"

namespace feedsieve {
namespace {

FeedHealth health_of(const FeedRecord& feed) {
  if (is_gone(feed)) return FeedHealth::disabled;
  if (feed.error_count > 0) return FeedHealth::failing;
  if (!feed.last_attempt) return FeedHealth::pending;
  return FeedHealth::ok;
}

}  // namespace

std::string_view health_name(FeedHealth health) {
  switch (health) {
    case FeedHealth::ok: return "ok";
    case FeedHealth::failing: return "failing";
    case FeedHealth::disabled: return "disabled";
    case FeedHealth::pending: return "pending";
  }
  return "unknown";
}

bool is_gone(const FeedRecord& feed) { return feed.last_status == 410 && feed.next_poll.has_value(); }

FeedStatus classify(FeedRecord feed, const FeedActivity& activity, Timestamp now) {
  const FeedHealth health = health_of(feed);
  const bool gone = is_gone(feed);
  FeedStatus status{std::move(feed), activity, health, gone, {}};
  if (status.health == FeedHealth::failing) {
    const auto since = status.feed.last_success ? status.feed.last_success : activity.created_at;
    if (since && *since < now) status.failing_for = now - *since;
  }
  return status;
}

// The store lists activity by feed id; a binary search finds a feed's
// without a hash map of 10,000 copies.
std::vector<FeedStatus> feed_statuses(const Store& store, Timestamp now) {
  std::vector<FeedActivity> activities = store.feed_activity();
  const auto by_id = [](const FeedActivity& a, const FeedActivity& b) { return a.feed_id < b.feed_id; };
  if (!std::is_sorted(activities.begin(), activities.end(), by_id))
    std::sort(activities.begin(), activities.end(), by_id);
  std::vector<FeedRecord> feeds = store.feeds();
  std::vector<FeedStatus> statuses;
  statuses.reserve(feeds.size());
  for (auto& feed : feeds) {
    FeedActivity key;
    key.feed_id = feed.id;
    const auto it = std::lower_bound(activities.begin(), activities.end(), key, by_id);
    const bool found = it != activities.end() && it->feed_id == feed.id;
    statuses.push_back(classify(std::move(feed), found ? *it : key, now));
  }
  return statuses;
}

std::vector<FeedStatus> configured_statuses(const std::vector<ConfiguredFeed>& feeds, const Store& store,
                                            Timestamp now) {
  std::vector<FeedStatus> stored = feed_statuses(store, now);
  // Positions, not copies: each status is moved once, into the configured order.
  std::unordered_map<std::string_view, std::size_t> by_name;
  by_name.reserve(stored.size());
  for (std::size_t i = 0; i < stored.size(); ++i) by_name.emplace(stored[i].feed.name, i);
  std::vector<FeedStatus> out;
  out.reserve(feeds.size());
  for (const auto& feed : feeds) {
    FeedStatus status;
    if (const auto it = by_name.find(feed.name); it != by_name.end()) {
      const std::size_t taken = it->second;
      by_name.erase(it);  // before the move empties the name its key views
      status = std::move(stored[taken]);
    } else {
      status.feed = FeedRecord{0, feed.name, feed.url, {}, {}, {}, {}, {}, 0, {}, 0, {}};
    }
    if (!feed.enabled) status.health = FeedHealth::disabled;
    out.push_back(std::move(status));
  }
  return out;
}

boost::json::value status_report_json(const std::vector<FeedStatus>& statuses, const HealthSummary& sum,
                                      const boost::json::storage_ptr& storage) {
  boost::json::array feeds(storage);
  feeds.reserve(statuses.size());
  for (const auto& status : statuses) feeds.push_back(to_json(status, storage));
  boost::json::object summary({{"ok", sum.ok},
                               {"failing", sum.failing},
                               {"disabled", sum.disabled},
                               {"pending", sum.pending},
                               {"failing_too_long", sum.failing_too_long}},
                              storage);
  return boost::json::object({{"feeds", std::move(feeds)}, {"summary", std::move(summary)}}, storage);
}

HealthSummary summarize(const std::vector<FeedStatus>& statuses, std::chrono::seconds fail_after) {
  HealthSummary summary;
  for (const auto& status : statuses) {
    switch (status.health) {
      case FeedHealth::ok: ++summary.ok; break;
      case FeedHealth::failing: ++summary.failing; break;
      case FeedHealth::disabled: ++summary.disabled; break;
      case FeedHealth::pending: ++summary.pending; break;
    }
    if (status.health == FeedHealth::failing && status.failing_for >= fail_after) ++summary.failing_too_long;
  }
  return summary;
}

boost::json::value to_json(const FeedStatus& status, const boost::json::storage_ptr& storage) {
  const FeedRecord& feed = status.feed;
  const auto null = boost::json::value(nullptr, storage);
  const auto interval = status.activity.average_interval;
  // Built as one list: the object is sized once, and with the caller's
  // storage (a monotonic arena for a whole report) nothing is freed one by one.
  return boost::json::object(
      {{"name", feed.name},
       {"url", feed.url},
       {"health", health_name(status.health)},
       {"gone", status.gone},
       {"last_attempt", time_json(feed.last_attempt)},
       {"last_success", time_json(feed.last_success)},
       {"http_status", feed.last_status},
       {"error", feed.last_error},
       {"error_count", feed.error_count},
       {"next_poll", status.health == FeedHealth::disabled ? null : time_json(feed.next_poll)},
       {"items", status.activity.items},
       {"stories", status.activity.stories},
       {"average_interval_seconds", interval ? boost::json::value(interval->count(), storage) : null},
       {"moved_to", feed.moved_to ? boost::json::value(*feed.moved_to, storage) : null},
       {"failing_for_seconds", status.failing_for.count()}},
      storage);
}

}  // namespace feedsieve
