#include "feeds/encoding/c1_controls.hpp"

#include <string_view>

#include "feeds/text/utf8_append.hpp"

namespace feedsieve {
namespace {

// A C1 control in UTF-8 is C2 80..C2 9F; the lead byte alone is also that of
// common Latin-1 punctuation (no-break space, «, ©), so the second byte decides.
std::size_t find_c1(std::string_view text, std::size_t from) {
  for (std::size_t pos = text.find('\xC2', from); pos != std::string_view::npos; pos = text.find('\xC2', pos + 1)) {
    if (pos + 1 < text.size()) {
      const auto second = static_cast<unsigned char>(text[pos + 1]);
      if (second >= 0x80 && second <= 0x9F) return pos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

char32_t windows_1252_meant(char32_t cp) {
  static constexpr char32_t kC1[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  return cp >= 0x80 && cp <= 0x9F ? kC1[cp - 0x80] : cp;
}

std::string remap_c1_controls(std::string&& utf8, bool* remapped) {
  std::size_t next = find_c1(utf8, 0);
  if (next == std::string::npos) return std::move(utf8);
  std::string out;
  out.reserve(utf8.size() + utf8.size() / 16);
  std::size_t done = 0;
  for (; next != std::string::npos; next = find_c1(utf8, done)) {
    out.append(utf8, done, next - done);
    // The code point is the second byte itself: C2 xx encodes U+00xx for xx below C0.
    const char32_t control = static_cast<unsigned char>(utf8[next + 1]);
    text_detail::append_utf8(out, windows_1252_meant(control));
    done = next + 2;
  }
  out.append(utf8, done);
  if (remapped != nullptr) *remapped = true;
  return out;
}

}  // namespace feedsieve
