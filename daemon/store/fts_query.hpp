#pragma once
// Turns what a user typed into an FTS5 query that cannot be a syntax error,
// and writes the SQL of the full-text tables' listing key.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve::store_detail {

// Each word (separated by spaces or control characters) becomes a double-quoted FTS5 string (inner
// quotes doubled), so AND, OR, NOT, NEAR, *, ^, parentheses and column
// filters are plain text; the words are ANDed. Words the unicode61 tokenizer
// finds no token in (punctuation, symbols) are dropped, as FTS5 drops them.
// Returns "" when nothing searchable is left: no text filter.
std::string fts_match_expression(std::string_view search);

// The phrases of that expression, one per searchable word, in order: FTS5
// numbers a query's phrases so (the rank function's phrase i is element i).
std::vector<std::string> fts_phrases(std::string_view search);

// The expression of phrases fts_phrases already gave.
std::string fts_match_expression(const std::vector<std::string>& phrases);

// The full-text tables (schema v10), one per topic verdict: on topic, then
// off topic. Both have the same columns and listing keys.
inline constexpr std::array<const char*, 2> search_tables{"stories_fts_on", "stories_fts_off"};

// SQL for the listing key (the full-text tables' rowid, schema v11) of the
// sort_time and stories.id that the SQL expressions `time` and `row` give, as
// the view story_search_keys computes it: whole minutes since 1970 (clamped
// to 26 bits, so every key is below 2^56) above 29 bits of row above the
// on-topic bit. The bit is left clear: the result is the lowest key of that
// time and row, which is what a range bound needs (every key of the row is at
// least it, every key of an earlier row of the same minute below it).
std::string search_key_sql(const std::string& time, const std::string& row);

// One minute of the listing key: the first key of a minute is this past the
// first key of the minute before.
inline constexpr std::int64_t listing_key_minute = std::int64_t{1} << 30;

// SQL for the stories.id of the listing key `key`.
std::string key_row_sql(const std::string& key);

}  // namespace feedsieve::store_detail
