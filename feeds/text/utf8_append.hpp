#pragma once
// Internal to feeds/text: one code point appended as UTF-8, written in one
// append (decoded character references, hot in the simple-HTML scanner).
#include <array>
#include <cstddef>
#include <string>

namespace feedsieve::text_detail {

// `cp` must be at most U+10FFFF; surrogates are encoded like any other value.
inline void append_utf8(std::string& out, char32_t cp) {
  std::array<char, 4> bytes{};
  std::size_t n = 0;
  if (cp < 0x80) {
    bytes[n++] = static_cast<char>(cp);
  } else if (cp < 0x800) {
    bytes[n++] = static_cast<char>(0xC0 | (cp >> 6));
    bytes[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    bytes[n++] = static_cast<char>(0xE0 | (cp >> 12));
    bytes[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    bytes[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    bytes[n++] = static_cast<char>(0xF0 | (cp >> 18));
    bytes[n++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    bytes[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    bytes[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  }
  out.append(bytes.data(), n);
}

}  // namespace feedsieve::text_detail
