// Real-world links are not RFC 3986: feeds carry spaces, raw UTF-8 and stray
// '%' in them. Browsers repair these silently, so a strict parser that gave up
// would lose links every reader can follow. The repair here only encodes
// bytes that are invalid anywhere in a URI; everything valid is left as is.
#include <cctype>

#include "feeds/url/url_detail.hpp"

namespace feedsieve::url_detail {
namespace {

bool is_c0_or_space(char c) { return static_cast<unsigned char>(c) <= 0x20; }

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool never_valid(unsigned char c) {
  switch (c) {
    case ' ': case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
      return true;
    default:
      return c < 0x20 || c >= 0x7F;
  }
}

void append_escape(std::string& out, unsigned char c) {
  constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_c0_or_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_c0_or_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string clean_reference(std::string_view text) {
  text = trim(text);
  std::string out;
  out.reserve(text.size());
  bool seen_fragment = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '%' && !(i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2]))) {
      append_escape(out, c);
    } else if (c == '#' && seen_fragment) {
      append_escape(out, c);
    } else if (never_valid(c)) {
      append_escape(out, c);
    } else {
      out += static_cast<char>(c);
    }
    seen_fragment = seen_fragment || c == '#';
  }
  return out;
}

}  // namespace feedsieve::url_detail
