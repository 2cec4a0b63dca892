#include "daemon/store/feed_status.hpp"

#include <boost/json.hpp>
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

FeedStatus classify(const FeedRecord& feed, const FeedActivity& activity, Timestamp now) {
  FeedStatus status{feed, activity, health_of(feed), is_gone(feed), {}};
  if (status.health == FeedHealth::failing) {
    const auto since = feed.last_success ? feed.last_success : activity.created_at;
    if (since && *since < now) status.failing_for = now - *since;
  }
  return status;
}

std::vector<FeedStatus> feed_statuses(const Store& store, Timestamp now) {
  std::unordered_map<std::int64_t, FeedActivity> by_id;
  for (auto& activity : store.feed_activity()) by_id.emplace(activity.feed_id, activity);
  const std::vector<FeedRecord> feeds = store.feeds();
  std::vector<FeedStatus> statuses;
  statuses.reserve(feeds.size());
  for (const auto& feed : feeds) {
    const auto it = by_id.find(feed.id);
    FeedActivity none;
    none.feed_id = feed.id;
    statuses.push_back(classify(feed, it == by_id.end() ? none : it->second, now));
  }
  return statuses;
}

std::vector<FeedStatus> configured_statuses(const std::vector<ConfiguredFeed>& feeds, const Store& store,
                                            Timestamp now) {
  std::unordered_map<std::string, FeedStatus> stored;
  for (auto& status : feed_statuses(store, now)) stored.emplace(status.feed.name, std::move(status));
  std::vector<FeedStatus> out;
  out.reserve(feeds.size());
  for (const auto& feed : feeds) {
    const auto it = stored.find(feed.name);
    // Config names are unique, so each stored status is taken at most once.
    FeedStatus status = it != stored.end() ? std::move(it->second) : FeedStatus{};
    if (it == stored.end()) status.feed = FeedRecord{0, feed.name, feed.url, {}, {}, {}, {}, {}, 0, {}, 0, {}};
    if (!feed.enabled) status.health = FeedHealth::disabled;
    out.push_back(std::move(status));
  }
  return out;
}

boost::json::value status_report_json(const std::vector<FeedStatus>& statuses, const HealthSummary& sum) {
  boost::json::array feeds;
  for (const auto& status : statuses) feeds.push_back(to_json(status));
  boost::json::object summary{{"ok", sum.ok},
                              {"failing", sum.failing},
                              {"disabled", sum.disabled},
                              {"pending", sum.pending},
                              {"failing_too_long", sum.failing_too_long}};
  return boost::json::object{{"feeds", std::move(feeds)}, {"summary", std::move(summary)}};
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

boost::json::value to_json(const FeedStatus& status) {
  const FeedRecord& feed = status.feed;
  boost::json::object out;
  out["name"] = feed.name;
  out["url"] = feed.url;
  out["health"] = health_name(status.health);
  out["gone"] = status.gone;
  out["last_attempt"] = time_json(feed.last_attempt);
  out["last_success"] = time_json(feed.last_success);
  out["http_status"] = feed.last_status;
  out["error"] = feed.last_error;
  out["error_count"] = feed.error_count;
  out["next_poll"] = status.health == FeedHealth::disabled ? boost::json::value(nullptr) : time_json(feed.next_poll);
  out["items"] = status.activity.items;
  out["stories"] = status.activity.stories;
  out["average_interval_seconds"] = status.activity.average_interval
                                        ? boost::json::value(status.activity.average_interval->count())
                                        : boost::json::value(nullptr);
  out["moved_to"] = feed.moved_to ? boost::json::value(*feed.moved_to) : boost::json::value(nullptr);
  out["failing_for_seconds"] = status.failing_for.count();
  return out;
}

}  // namespace feedsieve
