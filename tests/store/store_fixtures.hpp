#pragma once
// Small builders for store tests: items, polls, times and raw SQL checks.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "daemon/store/store.hpp"

namespace feedsieve::test {

// 2024-05-DAY at HOUR:00:00 UTC.
inline Timestamp may(int day, int hour = 12) {
  using namespace std::chrono;
  return sys_days{year{2024} / May / day} + hours{hour};
}

inline NormalizedItem make_item(std::string guid, std::string title, std::optional<std::string> canonical = {},
                                std::optional<Timestamp> published = {}) {
  NormalizedItem item;
  item.item.id = std::move(guid);
  item.item.title = std::move(title);
  item.item.link = canonical ? *canonical + "?utm_source=feed" : std::string();
  item.item.published = published;
  item.canonical_link = std::move(canonical);
  return item;
}

inline PollRecord ok_poll(std::int64_t feed_id, std::vector<NormalizedItem> items, Timestamp at = may(1)) {
  PollRecord poll;
  poll.feed_id = feed_id;
  poll.attempted_at = at;
  poll.status = PollStatus::ok;
  poll.http_status = 200;
  poll.next_poll = at + std::chrono::minutes{30};
  poll.items = std::move(items);
  return poll;
}

inline PollRecord failed_poll(std::int64_t feed_id, Timestamp at, int error_count) {
  PollRecord poll;
  poll.feed_id = feed_id;
  poll.attempted_at = at;
  poll.status = PollStatus::failed;
  poll.http_status = 500;
  poll.error = "HTTP 500 from http://example.test/feed";
  poll.error_count = error_count;
  poll.next_poll = at + std::chrono::hours{1};
  return poll;
}

// The titles of every page of `query`, following each page's cursor.
inline std::vector<std::string> titles_of_all_pages(const Store& store, StoryQuery query) {
  std::vector<std::string> titles;
  for (;;) {
    const StoryPage page = store.story_page(query);
    for (const StoryView& story : page.stories) titles.push_back(story.title);
    if (!page.next) return titles;
    query.after = page.next;
  }
}

// Every story, off-topic ones included.
inline StoryQuery everything() {
  StoryQuery query;
  query.limit = max_story_limit;
  query.include_off_topic = true;
  return query;
}

// One integer from a second, raw connection to the same file, for looking
// behind the API ("SELECT count(*) FROM items").
inline std::int64_t scalar(const std::filesystem::path& path, const char* sql) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

// One text value the same way; "" for NULL.
inline std::string text_of(const std::filesystem::path& path, const char* sql) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getString();
}

inline void execute(const std::filesystem::path& path, const char* sql) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec(sql);
}

}  // namespace feedsieve::test
