#include "daemon/run/poll_result.hpp"

#include <algorithm>

#include "feeds/date/date.hpp"
#include "feeds/parse/parse.hpp"

namespace feedsieve {
namespace {

using std::chrono::seconds;

std::optional<seconds> server_minimum(const FetchResult& fetch, const ParsedFeed* feed) {
  std::optional<seconds> minimum;
  if (fetch.cache_control) minimum = parse_max_age(*fetch.cache_control);
  if (feed != nullptr && feed->ttl_minutes && *feed->ttl_minutes > 0) {
    const seconds ttl = std::chrono::minutes(*feed->ttl_minutes);
    minimum = minimum ? std::max(*minimum, ttl) : ttl;
  }
  return minimum;
}

std::vector<NormalizedItem> normalize(std::vector<Item> items, const CanonicalOptions& options) {
  std::vector<NormalizedItem> out;
  out.reserve(items.size());
  for (auto& item : items) {
    auto canonical = canonical_url(item.link, options);
    out.push_back({std::move(item), std::move(canonical)});
  }
  return out;
}

void plan_failure(PollPlan& plan, const FeedRecord& feed, const Config& config, const FetchResult& fetch,
                  std::string error, Timestamp now, double r) {
  PollRecord& record = plan.record;
  record.status = PollStatus::failed;
  record.error = std::move(error);
  record.error_count = feed.error_count + 1;
  const auto retry_after = fetch.retry_after ? parse_retry_after(*fetch.retry_after, now) : std::nullopt;
  record.next_poll = next_poll_after_failure(now, record.error_count, config.schedule, r, retry_after);
  plan.summary = record.error + " (failure " + std::to_string(record.error_count) + " in a row; next try " +
                 format_rfc3339(record.next_poll) + ")";
}

}  // namespace

PollPlan plan_poll(const FeedRecord& feed, const FeedConfig& feed_config, const Config& config,
                   const FetchResult& fetch, Timestamp now, double r) {
  PollPlan plan;
  PollRecord& record = plan.record;
  record.feed_id = feed.id;
  record.attempted_at = now;
  record.http_status = fetch.http_status;
  record.moved_to = fetch.permanent_redirect;
  const seconds interval = config.interval_of(feed_config);

  if (!fetch.succeeded()) {
    plan_failure(plan, feed, config, fetch, fetch.error, now, r);
    return plan;
  }
  record.etag = fetch.etag ? fetch.etag : feed.etag;
  record.last_modified = fetch.last_modified ? fetch.last_modified : feed.last_modified;
  if (fetch.outcome == FetchOutcome::not_modified) {
    record.status = PollStatus::not_modified;
    record.next_poll = next_poll_after_success(now, interval, config.schedule.jitter, r, server_minimum(fetch, nullptr));
    plan.summary = "not modified (next poll " + format_rfc3339(record.next_poll) + ")";
    return plan;
  }

  ParseOptions options;
  options.url = fetch.final_url.empty() ? fetch.url : fetch.final_url;
  options.content_type = fetch.content_type;
  ParsedFeed parsed;
  try {
    parsed = parse_feed(fetch.body, options);
  } catch (const ParseError& e) {
    // A body we cannot read must be fetched in full again: keep the old validators.
    record.etag = feed.etag;
    record.last_modified = feed.last_modified;
    plan_failure(plan, feed, config, fetch, options.url + ": " + e.what(), now, r);
    return plan;
  }
  record.status = PollStatus::ok;
  record.next_poll = next_poll_after_success(now, interval, config.schedule.jitter, r, server_minimum(fetch, &parsed));
  const std::size_t count = parsed.items.size();
  record.items = normalize(std::move(parsed.items), config.canonical);
  plan.summary = std::string(format_name(parsed.format)) + ", " + std::to_string(count) + " items";
  for (const auto& warning : parsed.warnings) plan.summary += "; " + warning;
  plan.summary += " (next poll " + format_rfc3339(record.next_poll) + ")";
  return plan;
}

}  // namespace feedsieve
