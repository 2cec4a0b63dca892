#pragma once
// Turns what a user typed into an FTS5 query that cannot be a syntax error.
#include <string>
#include <string_view>

namespace feedsieve::store_detail {

// Each word (separated by spaces or control characters) becomes a double-quoted FTS5 string (inner
// quotes doubled), so AND, OR, NOT, NEAR, *, ^, parentheses and column
// filters are plain text; the words are ANDed. Words with no letter or digit
// are dropped. Returns "" when nothing searchable is left: no text filter.
std::string fts_match_expression(std::string_view search);

}  // namespace feedsieve::store_detail
