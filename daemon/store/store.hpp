#pragma once
// The SQLite store (SQLiteCpp): WAL, foreign keys, forward-only migrations on
// PRAGMA user_version. One writer (the daemon); any number of readers.
// Times are stored as RFC 3339 UTC text ("2024-05-01T12:00:00Z") everywhere.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/store/prune.hpp"
#include "feeds/model.hpp"
#include "feeds/topic/topic.hpp"

namespace feedsieve {

// Thrown when the store cannot be opened, migrated, read or written.
// what() names the file and the SQLite error.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FeedRecord {
  std::int64_t id = 0;
  std::string name;
  std::string url;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<Timestamp> next_poll;
  std::optional<Timestamp> last_attempt;
  std::optional<Timestamp> last_success;
  long last_status = 0;       // HTTP status of the last attempt, 0 when none
  std::string last_error;     // empty when the last attempt succeeded
  int error_count = 0;        // consecutive failed polls
  std::optional<std::string> moved_to;  // target of a permanent redirect
  std::string poll_hints = "{}";        // JSON: the schedule hints of the last full document (docs/schema.md)
};

// What one feed has contributed to the store (Store::feed_activity).
struct FeedActivity {
  std::int64_t feed_id = 0;
  std::optional<Timestamp> created_at;  // when the feed first appeared
  std::int64_t items = 0;
  std::int64_t stories = 0;  // distinct stories its items belong to
  // Mean gap between its items' dates; nullopt with fewer than two items.
  std::optional<std::chrono::seconds> average_interval;
};

enum class PollStatus { ok, not_modified, failed };

// Everything one poll of one feed wants to store; written in one transaction.
struct PollRecord {
  std::int64_t feed_id = 0;
  // The feed's URL the poll fetched; "" for any. A reload may give the feed
  // a new URL while a poll of the old one is in flight: such a poll is
  // discarded, not stored over the new URL's state.
  std::string feed_url;
  Timestamp attempted_at{};
  PollStatus status = PollStatus::failed;
  long http_status = 0;
  std::string error;                          // empty unless failed
  std::optional<std::string> etag;            // validators to send next time
  std::optional<std::string> last_modified;
  std::optional<std::string> moved_to;
  Timestamp next_poll{};
  int error_count = 0;                        // after this poll
  std::optional<std::string> poll_hints;      // JSON replacing feeds.poll_hints; nullopt keeps it (304, failure)
  std::vector<NormalizedItem> items;          // empty unless ok
};

// What the store knows of one item of a poll (Store::item_sightings).
struct ItemSighting {
  bool known = false;                     // the feed already has an item with this guid
  std::optional<FetchedArticle> article;  // the page stored with it, when one was tried
};

struct PollStored {
  int new_items = 0;
  int updated_items = 0;  // same guid in the same feed, with changed fields
  int new_stories = 0;
  bool discarded = false;  // the feed's URL is no longer the polled one: nothing was stored
};

inline constexpr int max_story_limit = 10'000;

// A ranked search ranks at most this many matching stories: the newest ones
// (all of them when fewer match). README.md, HTTP API, says what that means.
inline constexpr int ranked_search_window = 1'000;

// Where a listing stopped, for keyset pagination (the HTTP API's cursors):
// the last story's sort key and its row, the tie-breaker.
struct StoryPosition {
  std::string sort_time;  // newest-first listings: the story's sort_time
  double rank = 0.0;      // ranked listings: the story's bm25 rank (lower is better)
  std::int64_t row = 0;   // stories.id
  // Ranked listings: the listing keys (the full-text tables' rowid) bounding the stories
  // the first page ranked, so that later pages rank the same stories.
  std::int64_t window_low = 0;
  std::int64_t window_high = 0;
};

struct StoryQuery {
  std::optional<Timestamp> since;  // stories published (or first seen) at or after
  std::string search;              // full-text words; empty: no text filter
  int limit = 50;                  // clamped to [0, max_story_limit]
  bool include_off_topic = false;
  std::optional<Timestamp> until;  // published (or first seen) before; nullopt: no bound
  bool only_off_topic = false;     // only the stories the topic filter rejected
  bool ranked = false;             // with a search: best bm25 match first (of ranked_search_window) instead of newest first
  std::optional<StoryPosition> after;  // continue right after this position
};

struct SourceView {
  std::string feed;  // feed name
  std::string url;
  std::string title;
  std::optional<Timestamp> published;
  std::string language;  // BCP 47 tag, or ""
};

struct StoryView {
  std::string story_id;
  std::string title;
  std::string url;  // canonical
  std::optional<Timestamp> published;
  bool on_topic = true;
  double topic_score = 0.0;
  std::optional<std::string> event_id;
  std::vector<SourceView> sources;  // ordered by published (undated last)
};

// An item as `feedsieve explain` shows it.
struct ItemDetail {
  std::int64_t id = 0;
  std::string feed;  // feed name
  std::string guid;
  std::string title;
  std::string link;
  std::optional<std::string> canonical_link;
  std::string summary;
  std::string content;  // sanitized HTML
  std::string article_text;  // the fetched page's main text (fetch_article); empty when none
  std::optional<std::string> article_error;  // why the page gave no text
  std::optional<Timestamp> published;
  double topic_score = 0.0;
  bool on_topic = true;
  std::string story_id;
  std::string merge_reason;  // why it joined its story
  std::optional<std::string> event_id;
  std::string event_reason;  // why its story joined its event
};

// The verdict for one stored item: feed name, title, summary, content (HTML).
using ItemJudge = std::function<TopicVerdict(const ItemDetail&)>;

struct RescoreResult {
  std::int64_t items = 0;
  std::int64_t items_changed = 0;  // items whose score or on_topic changed
  std::int64_t stories_on_topic = 0;
  std::int64_t stories_off_topic = 0;
};

struct EventView {
  std::string event_id;
  std::vector<StoryView> stories;  // newest first
};

// One page of a listing; `next` is where the following page starts, nullopt on the last page.
struct StoryPage {
  std::vector<StoryView> stories;
  std::optional<StoryPosition> next;
};

class Store {
 public:
  enum class Mode { read_write, read_only };

  // Opens (read_write: creates and migrates) the database. Throws StoreError.
  explicit Store(const std::filesystem::path& path, Mode mode = Mode::read_write);
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  // The feed row for a configured feed (created on first sight; url updated when the config changed it).
  FeedRecord upsert_feed(std::string_view name, std::string_view url);
  std::vector<FeedRecord> feeds() const;  // ordered by name
  std::optional<FeedRecord> feed_by_name(std::string_view name) const;
  // Per feed (ordered by id): items, stories and the pace of its items.
  std::vector<FeedActivity> feed_activity() const;
  // Removes what `policy` lets go (daemon/store/prune.cpp), or with dry_run
  // (or on a read-only store) only counts it. One transaction.
  PruneReport prune(const RetentionPolicy& policy, Timestamp now, bool dry_run = false);

  // Applies one poll atomically: feed state, items (same guid in the same feed
  // updates the row), stories (the same canonical link across feeds joins one story).
  PollStored record_poll(const PollRecord& poll);
  // One entry per item, in order: whether feed `feed_id` already has it (by
  // the guid record_poll would store it under) and the article stored with it.
  std::vector<ItemSighting> item_sightings(std::int64_t feed_id, const std::vector<NormalizedItem>& items) const;

  // Newest first by coalesce(published, first_seen); limit is clamped to [0, 10000].
  std::vector<StoryView> stories(const StoryQuery& query) const;
  // One story by its stable story_id, with its sources; nullopt when unknown.
  std::optional<StoryView> story(std::string_view story_id) const;
  // Like stories(), from query.after on, and says where the next page starts.
  StoryPage story_page(const StoryQuery& query) const;
  // Reads the schema version: throws StoreError when the store cannot be read.
  void check_readable() const;

  // One item by its row id, or else by its link, guid or canonical link:
  // the item whose own link it is first, then one with that guid, then the
  // earliest that shares the canonical form. With how it joined its story;
  // nullopt when unknown.
  std::optional<ItemDetail> item(std::string_view id_or_link) const;
  // Applies `judge` to every stored item and recomputes every story's
  // verdict, in one transaction; nothing is fetched again.
  RescoreResult rescore(const ItemJudge& judge);
  // Stories grouped by event, newest event first (query --events).
  std::vector<EventView> events(const StoryQuery& query) const;

  const std::filesystem::path& path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace feedsieve
