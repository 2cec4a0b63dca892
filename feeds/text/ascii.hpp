#pragma once
// ASCII case folding for the names and keywords feeds and pages use (URL
// schemes and hosts, charset labels, tag and attribute names, media types,
// rel values): they are ASCII, so there is no call into the locale for every
// byte, and bytes past ASCII pass unchanged.
#include <string>
#include <string_view>

namespace feedsieve {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

constexpr bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr bool ascii_alnum(char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }

constexpr bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// What may follow the first letter of a URL scheme (RFC 3986 3.1).
constexpr bool scheme_char(char c) {
  return ascii_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace feedsieve
