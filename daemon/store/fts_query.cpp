#include "daemon/store/fts_query.hpp"

#include <utf8proc.h>

#include <cstdint>

namespace feedsieve::store_detail {
namespace {

// Spaces and control characters (NUL included, which FTS5 would read as the
// end of the query) separate words; no tokenizer indexes them.
bool is_separator(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= ' ' || byte == 0x7f;
}

// The next character of `word` from `at`, decoded as FTS5's unicode61
// tokenizer decodes it (READ_UTF8): a lead byte takes every continuation byte
// after it, a stray continuation byte is a character of its own, and a
// surrogate, an overlong ASCII or U+FFFE/F is U+FFFD.
char32_t next_character(std::string_view word, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(word[at++]);
  if (lead < 0xc0) return lead;
  const unsigned bits = lead < 0xe0 ? 0x1fU : lead < 0xf0 ? 0x0fU : lead < 0xf8 ? 0x07U : lead < 0xfc ? 0x03U
                        : lead < 0xfe ? 0x01U : 0x00U;
  std::uint32_t c = lead & bits;
  while (at < word.size() && (static_cast<unsigned char>(word[at]) & 0xc0U) == 0x80U)
    c = (c << 6) + (static_cast<unsigned char>(word[at++]) & 0x3fU);
  if (c < 0x80 || (c & 0xfffff800U) == 0xd800 || (c & 0xfffffffeU) == 0xfffe) return 0xfffd;
  return c;
}

// Whether unicode61 (as schema.cpp configures it: no tokenchars or
// separators of its own) indexes `c`: an ASCII letter or digit; past ASCII, a
// letter, a number, a private-use character, or one its tables leave
// unassigned. (Its tables are older than utf8proc's: a character assigned
// since, a newer emoji say, may still be a token character to FTS5.)
bool token_character(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
      return true;
    default:
      return false;
  }
}

// A word unicode61 finds no token in is a phrase FTS5 drops from the query
// (an empty phrase in an implicit AND): keeping it would number the phrases
// after it apart from FTS5's, and give them each other's weights.
bool searchable(std::string_view word) {
  for (std::size_t at = 0; at < word.size();)
    if (token_character(next_character(word, at))) return true;
  return false;
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
  return "((max(0, min(67108863, coalesce(unixepoch(" + time + "), 0) / 60)) << 30) | (" + row + " << 1))";
}

std::string key_row_sql(const std::string& key) { return "((" + key + " & 1073741823) >> 1)"; }

std::string fts_match_expression(const std::vector<std::string>& phrases) {
  std::string expression;
  for (const std::string& phrase : phrases) {
    if (!expression.empty()) expression += ' ';
    expression += phrase;
  }
  return expression;
}

std::string fts_match_expression(std::string_view search) { return fts_match_expression(fts_phrases(search)); }

}  // namespace feedsieve::store_detail
