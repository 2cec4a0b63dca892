#include "daemon/store/story_match.hpp"

#include <chrono>

#include "daemon/store/optional_text.hpp"
#include "feeds/date/date.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve::store_detail {
namespace {

// A title names one article only for a while: "Live: markets today" recurs.
constexpr std::chrono::days title_window{3};

std::string band_params(const char* row) {
  std::string out;
  for (int band = 0; band < lsh_bands; ++band) {
    std::string one = row;
    one.replace(one.find('#'), 1, ":k" + std::to_string(band));
    out += (band ? ", " : "") + one;
  }
  return out;
}

// Items sharing a band key with the new one, earliest first: each key is an
// index range of the primary key of simhash_bands, each item a rowid lookup.
std::string text_sql() {
  return "SELECT i.id, i.story_id, i.lead_sketch FROM items i WHERE i.id IN (SELECT item_id FROM simhash_bands"
         " WHERE band_key IN (" + band_params("#") + ")) AND i.feed_id != :feed ORDER BY i.id";
}

constexpr const char* title_sql =
    "SELECT id, story_id FROM items WHERE title_key = :key AND feed_id != :feed"
    " AND (:only_untexted = 0 OR lead_sketch IS NULL)"
    " AND coalesce(published, updated, fetched_at) BETWEEN :from AND :to ORDER BY id LIMIT 1";

std::string index_sql() {
  return "INSERT OR IGNORE INTO simhash_bands (band_key, item_id) VALUES " + band_params("(#, :item)");
}

std::string shifted(const std::optional<std::string>& date, std::chrono::days by) {
  const auto parsed = date ? parse_date(*date) : std::nullopt;
  if (!parsed) return by.count() < 0 ? "" : "~";  // undated: any time ("~" sorts after every date)
  return format_rfc3339(*parsed + by);
}

void bind_keys(SQLite::Statement& statement, const Fingerprint& print) {
  const BandKeys keys = band_keys(print);
  for (int band = 0; band < lsh_bands; ++band)
    statement.bind(":k" + std::to_string(band), static_cast<std::int64_t>(keys[static_cast<std::size_t>(band)]));
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
  if (print.has_text()) {
    const std::string bytes = lead_bytes(print);
    statement.bind(":lead_sketch", bytes.data(), static_cast<int>(bytes.size()));
  } else {
    statement.bind(":lead_sketch");
  }
  bind_optional(statement, ":title_key",
                print.title_key.empty() ? std::nullopt : std::optional<std::string>(print.title_key));
}

std::vector<std::string> StoryMatcher::statements() { return {text_sql(), title_sql, index_sql()}; }

StoryMatcher::StoryMatcher(SQLite::Database& db) : text_(db, text_sql()), title_(db, title_sql), index_(db, index_sql()) {}

void StoryMatcher::index(std::int64_t item, const Fingerprint& print) {
  if (!print.has_text()) return;
  index_.reset();
  index_.bind(":item", item);
  bind_keys(index_, print);
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
  bind_keys(text_, print);
  text_.bind(":feed", feed_id);
  Fingerprint other;
  while (text_.executeStep()) {
    const SQLite::Column sketch = text_.getColumn(2);
    set_lead(other, std::string_view(static_cast<const char*>(sketch.getBlob()), static_cast<std::size_t>(sketch.getBytes())));
    const Overlap overlap = lead_overlap(print, other);
    if (!overlap.same()) continue;
    return Match{text_.getColumn(1).getInt64(),
                 "its lead shares " + std::to_string(overlap.shared) + " of " + std::to_string(overlap.compared) +
                     " shingles with item " + std::to_string(text_.getColumn(0).getInt64()) +
                     "'s (text fingerprint, at least " + std::to_string(static_cast<int>(min_overlap * 100)) + "%)"};
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
