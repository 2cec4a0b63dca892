// Tokenizing with utf8proc: NFKC per token (compatibility forms such as
// full-width Latin and ligatures become plain letters), then case folding.
// ASCII tokens take a fast path: NFKC leaves them alone and folding is tolower.
#include "feeds/text/normalize.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>

namespace feedsieve {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map_utf8(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                                   static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (length < 0) return std::string(text);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

bool is_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool is_cjk(utf8proc_int32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||   // Hiragana, Katakana
         (c >= 0x3400 && c <= 0x4DBF) ||   // CJK Extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK Unified Ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||   // Compatibility Ideographs
         (c >= 0x20000 && c <= 0x2FA1F);   // Extensions B and later
}

bool is_word_char(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

void push_token(std::vector<Token>& out, std::string_view raw, bool cjk) {
  if (raw.empty()) return;
  Token token;
  token.cjk = cjk;
  if (is_ascii(raw)) {
    token.text = std::string(raw);
    token.folded = token.text;
    for (char& c : token.folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  } else {
    token.text = map_utf8(raw, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
    token.folded = map_utf8(raw, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  }
  out.push_back(std::move(token));
}

}  // namespace

std::vector<Token> tokenize_for_compare(std::string_view text) {
  std::vector<Token> out;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t pos = 0;
  utf8proc_ssize_t word_start = -1;
  while (pos < size) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &c);
    if (n <= 0) n = 1, c = -1;  // one bad byte: a separator
    const bool word = c >= 0 && is_word_char(c) && !is_cjk(c);
    if (!word && word_start >= 0) {
      push_token(out, text.substr(static_cast<std::size_t>(word_start), static_cast<std::size_t>(pos - word_start)), false);
      word_start = -1;
    }
    if (c >= 0 && is_cjk(c)) push_token(out, text.substr(static_cast<std::size_t>(pos), static_cast<std::size_t>(n)), true);
    if (word && word_start < 0) word_start = pos;
    pos += n;
  }
  if (word_start >= 0) push_token(out, text.substr(static_cast<std::size_t>(word_start)), false);
  return out;
}

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  for (Token& token : tokenize_for_compare(text)) out.push_back(std::move(token.folded));
  return out;
}

}  // namespace feedsieve
