#pragma once
// The values that travel through the pipeline: what a parser produces and what
// the rest of feedsieve consumes. Plain data, no behaviour.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace feedsieve {

using Timestamp = std::chrono::sys_seconds;

struct Enclosure {
  std::string url;
  std::string type;
  std::int64_t length = 0;

  bool operator==(const Enclosure&) const = default;
};

// One entry as one feed delivered it. Text fields are UTF-8.
struct Item {
  std::string id;       // guid / atom:id, or a stable fallback derived from link+title (else the text)
  std::string title;    // plain text
  std::string link;     // absolute URL
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
  std::vector<std::string> authors;
  std::string summary;  // plain text
  std::string content;  // sanitized HTML, or empty
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::string language;  // BCP 47 tag ("en-US"), the feed's when the item names none; or empty
};

enum class FeedFormat { rss090, rss091, rss092, rss093, rss094, rss20, rss10, atom10, atom03, jsonfeed, cdf };

struct ParsedFeed {
  FeedFormat format = FeedFormat::rss20;
  std::string title;        // plain text
  std::string link;         // absolute URL of the site
  std::string description;  // plain text
  std::string language;     // BCP 47 tag: <language>, dc:language, xml:lang or JSON Feed's; or empty
  std::vector<Item> items;
  // Recoverable problems met while parsing (lenient recovery, bad dates...).
  std::vector<std::string> warnings;
  // Server hints for scheduling, when the feed gives them (RSS <ttl>, in minutes).
  std::optional<int> ttl_minutes;
  // The syndication module's publishing rate (sy:updatePeriod / sy:updateFrequency).
  std::optional<std::chrono::seconds> update_period;
  // RSS <skipHours> (0-23, UTC) and <skipDays> (0 = Sunday ... 6 = Saturday): when not to poll.
  std::vector<int> skip_hours;
  std::vector<int> skip_days;
};

}  // namespace feedsieve

namespace feedsieve {

// The page behind an item's link, as fetch_article found it.
struct FetchedArticle {
  std::string text;                           // main text, paragraphs separated by blank lines; empty when none
  std::optional<std::string> canonical_url;   // what the page declares (rel=canonical, else og:url), absolute
  std::optional<std::string> canonical_link;  // its identity form, when it may stand for the item (see docs/schema.md)
  Timestamp fetched_at{};
  std::string error;                          // why there is no text; empty when it was extracted

  bool operator==(const FetchedArticle&) const = default;
};

// An item after the normalize stage: what dedup and the store work with.
struct NormalizedItem {
  Item item;
  // canonical_url(item.link), or nullopt when the item has no usable link.
  std::optional<std::string> canonical_link;
  // The topic verdict (feeds/topic/topic.hpp); an empty profile keeps everything.
  double topic_score = 0.0;
  bool on_topic = true;
  // The fetched page (fetch_article); nullopt when none was tried. Its
  // canonical_link, when set, is the item's identity across feeds;
  // canonical_link above stays the feed link's, which keys the item's guid.
  std::optional<FetchedArticle> article;
};

}  // namespace feedsieve
