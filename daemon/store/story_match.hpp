#pragma once
// Which existing story a new item belongs to, by its text fingerprint or
// title (feeds/dedup/fingerprint.hpp), looked up with indexed SQL per item:
// nothing to load at start, nothing to keep in step, and a restart sees
// exactly what was committed. The earliest matching item wins, so the
// answer does not depend on lookup order.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "daemon/store/item_columns.hpp"
#include "feeds/dedup/fingerprint.hpp"

namespace feedsieve::store_detail {

// The fingerprint of an item as stored: its title, and its article text
// (fetch_article), else its content as text, else its summary.
Fingerprint fingerprint_columns(const ItemColumns& columns);
std::string body_text(const ItemColumns& columns);

// Binds :lead_sketch (lead_bytes(), NULL without text) and :title_key (NULL
// when empty).
void bind_fingerprint(SQLite::Statement& statement, const Fingerprint& print);

// Items of one feed never merge with each other by text: a feed that wraps
// every post in the same boilerplate would otherwise fold its own posts.
// Title matches count only within title_window of the item's date.
class StoryMatcher {
 public:
  explicit StoryMatcher(SQLite::Database& db);

  struct Match {
    std::int64_t story;
    std::string reason;  // for `feedsieve explain`
  };

  std::optional<Match> find(std::int64_t feed_id, const Fingerprint& print, const std::optional<std::string>& date);
  // Makes a stored item findable by its fingerprint's band keys.
  void index(std::int64_t item, const Fingerprint& print);

  // The SQL of the lookups and of index(), for checking their query plans.
  static std::vector<std::string> statements();

 private:
  std::optional<Match> by_text(std::int64_t feed_id, const Fingerprint& print);
  std::optional<Match> by_title(std::int64_t feed_id, const Fingerprint& print, const std::optional<std::string>& date);

  SQLite::Statement text_, title_, index_;
};

}  // namespace feedsieve::store_detail

namespace feedsieve::store_detail {

// A story is as on topic as its best item: topic_score is the items'
// maximum, on_topic is set when any item is on topic. Binds :story.
inline constexpr const char* story_topic_sql =
    "UPDATE stories SET topic_score = (SELECT max(topic_score) FROM items WHERE story_id = :story),"
    " on_topic = (SELECT max(on_topic) FROM items WHERE story_id = :story) WHERE id = :story";

}  // namespace feedsieve::store_detail
