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

// Where the host of `text` ends when it has an authority ("scheme://host..."
// or "//host..."), else 0: '[' and ']' are only valid there (an IPv6 literal).
std::size_t authority_end(std::string_view text) {
  std::size_t at = 0;
  if (!text.empty() && std::isalpha(static_cast<unsigned char>(text.front()))) {
    const std::size_t colon = text.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    if (colon != std::string_view::npos && text[colon] == ':') at = colon + 1;
  }
  if (text.substr(at, 2) != "//") return 0;
  const std::size_t end = text.find_first_of("/?#", at + 2);
  return end == std::string_view::npos ? text.size() : end;
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
  // PHP's "?tags[]=a", JSON:API's "page[number]=2": browsers send them raw,
  // RFC 3986 allows them only in the host, and the URL parser refuses them.
  const std::size_t host_end = authority_end(text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '%' && !(i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2]))) {
      append_escape(out, c);
    } else if (c == '#' && seen_fragment) {
      append_escape(out, c);
    } else if ((c == '[' || c == ']') && i >= host_end) {
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
