// Tokenizing with utf8proc: NFKC per token (compatibility forms such as
// full-width Latin and ligatures become plain letters), then case folding.
// ASCII takes a fast path: NFKC leaves it alone and folding is tolower, so
// the common case decodes nothing and allocates nothing.
#include "feeds/text/normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace feedsieve {
namespace {

constexpr auto nfkc = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
constexpr auto nfkc_folded = static_cast<utf8proc_option_t>(nfkc | UTF8PROC_CASEFOLD);

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map_utf8(std::string_view text, utf8proc_option_t options) {
  utf8proc_uint8_t* out = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(out);
  if (length < 0) return std::string(text);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

bool is_ascii(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool is_ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }

// Scripts that do not put spaces between words: each character is a token.
bool is_unspaced(utf8proc_int32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) ||   // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||   // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||   // Khmer
         (c >= 0x3040 && c <= 0x30FF) ||   // Hiragana, Katakana
         (c >= 0x3400 && c <= 0x4DBF) ||   // CJK Extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK Unified Ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||   // Compatibility Ideographs
         (c >= 0x20000 && c <= 0x2FA1F);   // Extensions B and later
}

bool is_mark(utf8proc_int32_t c) {
  const auto category = utf8proc_category(c);
  return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC;
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

// One code point at `pos`: its value (-1 for a bad byte, which separates
// tokens) and its length in bytes.
struct Decoded {
  utf8proc_int32_t c;
  std::size_t size;
};

Decoded decode(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1};
  utf8proc_int32_t c = -1;
  const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                                              static_cast<utf8proc_ssize_t>(text.size() - pos), &c);
  if (n <= 0) return {-1, 1};
  return {c, static_cast<std::size_t>(n)};
}

bool word_char(utf8proc_int32_t c) {
  if (c < 0) return false;
  if (c < 0x80) return is_ascii_word(static_cast<unsigned char>(c));
  return is_word_char(c);
}

}  // namespace

std::string_view TokenScanner::fold(std::string_view raw) {
  folded_.assign(raw);
  if (is_ascii(raw)) {
    for (char& c : folded_) c = ascii_lower(c);
    return folded_;
  }
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(raw.data());
  const auto size = static_cast<utf8proc_ssize_t>(raw.size());
  if (codepoints_.size() < raw.size() + 1) codepoints_.resize(raw.size() + 1);
  utf8proc_ssize_t n = utf8proc_decompose(bytes, size, codepoints_.data(),
                                          static_cast<utf8proc_ssize_t>(codepoints_.size()), nfkc_folded);
  if (n > static_cast<utf8proc_ssize_t>(codepoints_.size())) {  // compatibility forms can expand
    codepoints_.resize(static_cast<std::size_t>(n) + 1);
    n = utf8proc_decompose(bytes, size, codepoints_.data(), static_cast<utf8proc_ssize_t>(codepoints_.size()),
                           nfkc_folded);
  }
  if (n < 0) return folded_;
  const utf8proc_ssize_t length = utf8proc_reencode(codepoints_.data(), n, nfkc_folded);
  if (length < 0) return folded_;
  folded_.assign(reinterpret_cast<const char*>(codepoints_.data()), static_cast<std::size_t>(length));
  return folded_;
}

std::optional<TokenScanner::View> TokenScanner::next() {
  Decoded d{-1, 0};
  while (pos_ < text_.size()) {
    d = decode(text_, pos_);
    if (word_char(d.c)) break;
    pos_ += d.size;
  }
  if (pos_ >= text_.size()) return std::nullopt;
  const std::size_t start = pos_;
  pos_ += d.size;
  const bool unspaced = is_unspaced(d.c);
  while (pos_ < text_.size()) {
    const Decoded more = decode(text_, pos_);
    // A character of an unspaced script keeps only its combining marks; a
    // word runs until a separator or such a character.
    if (unspaced ? !(more.c >= 0x80 && is_unspaced(more.c) && is_mark(more.c))
                 : (!word_char(more.c) || (more.c >= 0x80 && is_unspaced(more.c))))
      break;
    pos_ += more.size;
  }
  const std::string_view raw = text_.substr(start, pos_ - start);
  return View{raw, fold(raw), unspaced};
}

std::vector<Token> tokenize_for_compare(std::string_view text) {
  std::vector<Token> out;
  TokenScanner scanner(text);
  while (const auto token = scanner.next())
    out.push_back({is_ascii(token->raw) ? std::string(token->raw) : map_utf8(token->raw, nfkc),
                   std::string(token->folded), token->cjk});
  return out;
}

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  TokenScanner scanner(text);
  while (const auto token = scanner.next()) out.emplace_back(token->folded);
  return out;
}

}  // namespace feedsieve
