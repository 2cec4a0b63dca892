#include "daemon/store/fts_query.hpp"

#include <algorithm>

namespace feedsieve::store_detail {
namespace {

// Spaces and control characters (NUL included, which FTS5 would read as the
// end of the query) separate words; no tokenizer indexes them.
bool is_separator(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' || byte == 0x7f;
}

// The unicode61 tokenizer indexes ASCII letters and digits and treats most
// non-ASCII characters as word characters; a word with neither would be an
// empty phrase, which matches nothing.
bool searchable(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
           (byte >= 'A' && byte <= 'Z');
  });
}

std::string quoted(std::string_view word) {
  std::string out = "\"";
  for (const char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::vector<std::string> fts_phrases(std::string_view search) {
  std::vector<std::string> phrases;
  std::size_t position = 0;
  while (position < search.size()) {
    while (position < search.size() && is_separator(search[position])) ++position;
    const std::size_t start = position;
    while (position < search.size() && !is_separator(search[position])) ++position;
    const std::string_view word = search.substr(start, position - start);
    if (searchable(word)) phrases.push_back(quoted(word));
  }
  return phrases;
}

std::string search_key_sql(const std::string& time, const std::string& row) {
  return "((max(0, min(8589934591, coalesce(unixepoch(" + time + "), 0) + 2208988800)) << 30) | " + row + ")";
}

std::string fts_match_expression(std::string_view search) {
  std::string expression;
  for (const std::string& phrase : fts_phrases(search)) {
    if (!expression.empty()) expression += ' ';
    expression += phrase;
  }
  return expression;
}

}  // namespace feedsieve::store_detail
