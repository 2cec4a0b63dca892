#pragma once
// The TOML configuration (toml++): what feedsieve polls and how. Loading
// validates everything; an error names file:line:col, what is wrong, and the fix.
#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "daemon/crawl/page_fetcher.hpp"
#include "daemon/api/settings.hpp"
#include "daemon/fetch/fetcher.hpp"
#include "daemon/schedule/schedule.hpp"
#include "daemon/store/prune.hpp"
#include "feeds/scrape/selectors.hpp"
#include "feeds/topic/topic.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve {

// what() is "FILE:LINE:COL: error: WHAT" (or "FILE: error: WHAT" without a position).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Which new items have the page behind their link fetched and extracted (fetch_article).
enum class ArticleFetch { off, on_topic, all };

// [articles]: the default fetch_article, how many pages a poll may fetch and
// for how long, and how pages are fetched (robots.txt, politeness, caps).
struct ArticleSettings {
  ArticleFetch fetch = ArticleFetch::off;  // for feeds that do not set fetch_article
  int max_per_poll = 10;
  std::chrono::seconds deadline{120};  // a poll stores what it has by then
  PageFetchSettings pages;
};

// kind = "feed" (RSS, Atom, JSON Feed) or "html" (a page scraped with XPath selectors).
enum class FeedKind { feed, html };

struct FeedConfig {
  std::string name;  // unique; defaults to the URL
  std::string url;
  FeedKind kind = FeedKind::feed;
  PageSelectors selectors;  // kind = "html" only: item, title, link, date, summary
  std::optional<std::chrono::seconds> interval;  // overrides [schedule] interval
  bool pin_interval = false;  // true: server hints (ttl, max-age...) never stretch the interval
  bool enabled = true;
  std::vector<std::string> tags;
  double topic_weight = 1.0;  // multiplies the topic score of this feed's items
  std::optional<ArticleFetch> fetch_article;  // unset: [articles] fetch

  bool operator==(const FeedConfig&) const = default;
};

struct Config {
  std::filesystem::path source;      // the file it came from
  std::filesystem::path store_path;  // as written; see resolve_store_path()
  RetentionPolicy retention;         // [store] keep_days, keep_days_on_topic, max_items_per_feed
  std::string log_level = "info";
  FetchLimits fetch;
  ScheduleSettings schedule;
  CanonicalOptions canonical;
  TopicProfile topic;
  ApiSettings api;  // [api]
  ArticleSettings articles;
  std::vector<FeedConfig> feeds;

  std::chrono::seconds interval_of(const FeedConfig& feed) const { return feed.interval.value_or(schedule.interval); }
  ArticleFetch article_fetch_of(const FeedConfig& feed) const { return feed.fetch_article.value_or(articles.fetch); }
};

// Parses and validates `path`. Throws ConfigError.
Config load_config(const std::filesystem::path& path);

// The config to use: --config, then $FEEDSIEVE_CONFIG, then
// /etc/feedsieve/feedsieve.toml, then ./config/feedsieve.toml (the first that
// exists; an explicit --config or $FEEDSIEVE_CONFIG must exist). Throws ConfigError.
std::filesystem::path find_config(const std::optional<std::filesystem::path>& cli_path);

// A relative store path is taken relative to $STATE_DIRECTORY (set by systemd's
// StateDirectory=) when set, else to the working directory.
std::filesystem::path resolve_store_path(const std::filesystem::path& configured);

}  // namespace feedsieve
