#include "daemon/store/story_match.hpp"

#include <bit>
#include <chrono>

#include "daemon/store/optional_text.hpp"
#include "feeds/date/date.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve::store_detail {
namespace {

// A title names one article only for a while: "Live: markets today" recurs.
constexpr std::chrono::days title_window{3};

// Items sharing a band key with the new one, earliest first; the primary key
// of simhash_bands makes each key an index range of a few rows.
constexpr const char* text_sql =
    "SELECT DISTINCT i.id, i.story_id, i.simhash, i.simhash2 FROM simhash_bands b JOIN items i ON i.id = b.item_id"
    " WHERE b.band_key IN (SELECT value FROM json_each(:keys)) AND i.feed_id != :feed ORDER BY i.id";

constexpr const char* title_sql =
    "SELECT id, story_id FROM items WHERE title_key = :key AND feed_id != :feed"
    " AND (:only_untexted = 0 OR simhash IS NULL)"
    " AND coalesce(published, updated, fetched_at) BETWEEN :from AND :to ORDER BY id LIMIT 1";

std::string shifted(const std::optional<std::string>& date, std::chrono::days by) {
  const auto parsed = date ? parse_date(*date) : std::nullopt;
  if (!parsed) return by.count() < 0 ? "" : "~";  // undated: any time ("~" sorts after every date)
  return format_rfc3339(*parsed + by);
}

std::string json_keys(const Fingerprint& print) {
  std::string out = "[";
  for (const std::uint32_t key : band_keys(print)) out += (out.size() > 1 ? "," : "") + std::to_string(key);
  return out + "]";
}

void bind_hash(SQLite::Statement& statement, const char* name, const Fingerprint& print, std::size_t w) {
  if (print.shingles[w] > 0) {
    statement.bind(name, std::bit_cast<std::int64_t>(print.simhash[w]));
  } else {
    statement.bind(name);
  }
}

// The stored hashes of a row as a Fingerprint (NULL: window absent).
Fingerprint stored_print(const SQLite::Statement& row, int first) {
  Fingerprint f;
  for (std::size_t w = 0; w < 2; ++w) {
    const SQLite::Column column = row.getColumn(first + static_cast<int>(w));
    if (column.isNull()) continue;
    f.simhash[w] = std::bit_cast<std::uint64_t>(column.getInt64());
    f.shingles[w] = min_shingles;
  }
  return f;
}

}  // namespace

// The article page's text, when fetched, is the same wherever the story was
// syndicated, where feeds' teasers and excerpts differ.
std::string body_text(const ItemColumns& columns) {
  if (columns.article_text && !columns.article_text->empty()) return *columns.article_text;
  return columns.content.empty() ? columns.summary : html_to_text(columns.content);
}

Fingerprint fingerprint_columns(const ItemColumns& columns) { return fingerprint(columns.title, body_text(columns)); }

void bind_fingerprint(SQLite::Statement& statement, const Fingerprint& print) {
  bind_hash(statement, ":simhash", print, 0);
  bind_hash(statement, ":simhash2", print, 1);
  bind_optional(statement, ":title_key",
                print.title_key.empty() ? std::nullopt : std::optional<std::string>(print.title_key));
}

StoryMatcher::StoryMatcher(SQLite::Database& db)
    : text_(db, text_sql),
      title_(db, title_sql),
      index_(db, "INSERT OR IGNORE INTO simhash_bands (band_key, item_id) SELECT value, :item FROM json_each(:keys)") {}

void StoryMatcher::index(std::int64_t item, const Fingerprint& print) {
  if (!print.has_text()) return;
  index_.reset();
  index_.bind(":item", item);
  index_.bind(":keys", json_keys(print));
  index_.exec();
}

std::optional<StoryMatcher::Match> StoryMatcher::find(std::int64_t feed_id, const Fingerprint& print,
                                                      const std::optional<std::string>& date) {
  if (print.has_text())
    if (auto match = by_text(feed_id, print)) return match;
  return by_title(feed_id, print, date);
}

std::optional<StoryMatcher::Match> StoryMatcher::by_text(std::int64_t feed_id, const Fingerprint& print) {
  text_.reset();
  text_.bind(":keys", json_keys(print));
  text_.bind(":feed", feed_id);
  while (text_.executeStep()) {
    const Fingerprint other = stored_print(text_, 2);
    for (std::size_t w = 0; w < print.simhash.size(); ++w) {
      const auto distance = window_distance(print, other, w);
      if (!distance) continue;
      return Match{text_.getColumn(1).getInt64(),
                   "the " + std::string(w == 0 ? "first" : "second") + " half of its lead is " +
                       std::to_string(*distance) + " bits from item " + std::to_string(text_.getColumn(0).getInt64()) +
                       "'s (text fingerprint, limit " + std::to_string(max_distance) + ")"};
    }
  }
  return std::nullopt;
}

std::optional<StoryMatcher::Match> StoryMatcher::by_title(std::int64_t feed_id, const Fingerprint& print,
                                                          const std::optional<std::string>& date) {
  if (print.title_key.empty()) return std::nullopt;
  title_.reset();
  title_.bind(":key", print.title_key);
  title_.bind(":feed", feed_id);
  title_.bind(":only_untexted", print.has_text() ? 1 : 0);
  title_.bind(":from", shifted(date, -title_window));
  title_.bind(":to", shifted(date, title_window));
  if (!title_.executeStep()) return std::nullopt;
  return Match{title_.getColumn(1).getInt64(),
               "its title matches item " + std::to_string(title_.getColumn(0).getInt64()) + "'s (\"" + print.title_key +
                   "\")"};
}

}  // namespace feedsieve::store_detail
