#include "daemon/run/poll_result.hpp"

#include <algorithm>

#include "daemon/schedule/poll_hints.hpp"
#include "daemon/schedule/server_hints.hpp"
#include "feeds/date/date.hpp"
#include "feeds/parse/parse.hpp"
#include "feeds/scrape/scrape.hpp"
#include "feeds/topic/item_text.hpp"

namespace feedsieve {
namespace {

using std::chrono::seconds;

// The server's hints (the headers, and the document's: this body's, or for
// a 304 the stored ones of the last body) stretch the interval up to
// schedule.max_interval and move the poll out of skipped hours, unless the
// user pinned the interval.
Timestamp next_poll_after_ok(const FetchResult& fetch, DocumentHints document, const FeedConfig& feed_config,
                             const Config& config, Timestamp now, double r) {
  const seconds interval = config.interval_of(feed_config);
  if (feed_config.pin_interval) return next_poll_after_success(now, interval, config.schedule.jitter, r);
  const ServerHints hints = hints_from(fetch.cache_control, fetch.expires, std::move(document), now);
  const Timestamp next = next_poll_after_success(now, interval, config.schedule.jitter, r,
                                                 longest_wait(hints, config.schedule.max_interval));
  return skip_forward(next, hints.document.skip_hours, hints.document.skip_days);
}

// 410 Gone: the publisher took the feed down for good. It stays in the store
// (status shows it), and is not polled again until its url changes.
void plan_gone(PollPlan& plan, const FeedRecord& feed, const Config& config, const FetchResult& fetch,
               Timestamp now) {
  PollRecord& record = plan.record;
  record.status = PollStatus::failed;
  record.error = fetch.error + ": the feed is gone; polling stopped until its url changes";
  record.error_count = feed.error_count + 1;
  record.next_poll = now + config.schedule.backoff_max;
  plan.summary = record.error;
}

std::vector<NormalizedItem> normalize(std::vector<Item> items, const Config& config, const FeedConfig& feed) {
  std::vector<NormalizedItem> out;
  out.reserve(items.size());
  for (auto& item : items) {
    const TopicVerdict verdict = score_topic(config.topic, topic_text(item), feed.topic_weight);
    auto canonical = canonical_url(item.link, config.canonical);
    out.push_back({std::move(item), std::move(canonical), verdict.score, verdict.on_topic, std::nullopt});
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

// The feed parser for feeds, the scraper for kind = "html" pages. Throws
// ParseError or ScrapeError.
ParsedFeed read_body(const FetchResult& fetch, const FeedConfig& feed_config, const std::string& url) {
  if (feed_config.kind == FeedKind::html)
    return scrape_page(fetch.body, {.url = url, .content_type = fetch.content_type, .selectors = feed_config.selectors});
  return parse_feed(fetch.body, {.url = url, .content_type = fetch.content_type});
}

}  // namespace

PollPlan plan_poll(const FeedRecord& feed, const FeedConfig& feed_config, const Config& config,
                   const FetchResult& fetch, Timestamp now, double r) {
  PollPlan plan;
  PollRecord& record = plan.record;
  record.feed_id = feed.id;
  record.feed_url = feed.url;
  record.attempted_at = now;
  record.http_status = fetch.http_status;
  record.moved_to = fetch.permanent_redirect;

  if (fetch.http_status == 410) {
    plan_gone(plan, feed, config, fetch, now);
    return plan;
  }
  if (!fetch.succeeded()) {
    plan_failure(plan, feed, config, fetch, fetch.error, now, r);
    return plan;
  }
  record.etag = fetch.etag ? fetch.etag : feed.etag;
  record.last_modified = fetch.last_modified ? fetch.last_modified : feed.last_modified;
  if (fetch.outcome == FetchOutcome::not_modified) {
    record.status = PollStatus::not_modified;
    record.next_poll = next_poll_after_ok(fetch, poll_hints_from_json(feed.poll_hints), feed_config, config, now, r);
    plan.summary = "not modified (next poll " + format_rfc3339(record.next_poll) + ")";
    return plan;
  }

  const std::string url = fetch.final_url.empty() ? fetch.url : fetch.final_url;
  ParsedFeed parsed;
  const auto unreadable = [&](const std::exception& e) {
    // A body we cannot read must be fetched in full again: keep the old validators.
    record.etag = feed.etag;
    record.last_modified = feed.last_modified;
    plan_failure(plan, feed, config, fetch, url + ": " + e.what(), now, r);
  };
  try {
    parsed = read_body(fetch, feed_config, url);
  } catch (const ParseError& e) {
    unreadable(e);
    return plan;
  } catch (const ScrapeError& e) {
    unreadable(e);
    return plan;
  }
  record.status = PollStatus::ok;
  DocumentHints document = document_hints(parsed, now);
  record.poll_hints = poll_hints_json(document);
  record.next_poll = next_poll_after_ok(fetch, std::move(document), feed_config, config, now, r);
  const std::size_t count = parsed.items.size();
  record.items = normalize(std::move(parsed.items), config, feed_config);
  const bool page = feed_config.kind == FeedKind::html;
  plan.summary = std::string(page ? "html page" : format_name(parsed.format)) + ", " + std::to_string(count) + " items";
  for (const auto& warning : parsed.warnings) plan.summary += "; " + warning;
  plan.summary += " (next poll " + format_rfc3339(record.next_poll) + ")";
  return plan;
}

}  // namespace feedsieve
