#include "feeds/encoding/c1_controls.hpp"

#include <iterator>
#include <utility>

#include "feeds/encoding/single_byte.hpp"
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

// The next C1 control at or after `from` that `meanings` changes.
std::size_t find_meant(std::string_view text, std::size_t from, const C1Meanings& meanings) {
  for (std::size_t pos = find_c1(text, from); pos != std::string_view::npos; pos = find_c1(text, pos + 2)) {
    if (!meanings.utf8[static_cast<unsigned char>(text[pos + 1]) - 0x80].empty()) return pos;
  }
  return std::string_view::npos;
}

// The ISO-8859 part of an iconv name ("ISO-8859-2", "ISO_8859-2", "LATIN2",
// "GREEK"...), or 0.
int iso_8859_part(std::string_view name) {
  for (const std::string_view prefix : {"ISO-8859-", "ISO_8859-", "ISO8859-", "ISO-8859_", "ISO8859_"}) {
    if (!name.starts_with(prefix)) continue;
    int part = 0;
    for (const char c : name.substr(prefix.size())) {
      if (c < '0' || c > '9') break;  // "ISO_8859-2:1987"
      part = part * 10 + (c - '0');
    }
    return part;
  }
  static constexpr std::pair<std::string_view, int> kNames[] = {
      {"LATIN2", 2},  {"L2", 2},      {"LATIN3", 3},   {"L3", 3},   {"LATIN4", 4},  {"L4", 4},
      {"CYRILLIC", 5}, {"ARABIC", 6}, {"GREEK", 7},    {"HEBREW", 8}, {"LATIN5", 9}, {"L5", 9},
      {"LATIN6", 10}, {"L6", 10},     {"LATIN7", 13},  {"L7", 13},  {"LATIN8", 14}, {"L8", 14},
      {"LATIN9", 15}, {"LATIN10", 16}, {"L10", 16},
  };
  for (const auto& [alias, part] : kNames) {
    if (name == alias) return part;
  }
  return 0;
}

// The Windows code pages that ISO-8859 parts are mistaken for: the ones with
// the ISO charset's letters where it has them and punctuation added in
// 0x80-0x9F. The other parts (windows-1251 puts Cyrillic where ISO-8859-5 does
// not, for one) are not what such a document was written in, and windows-1252,
// the web's default, stands for them.
struct Sibling {
  int part;
  std::string_view code_page;
};
constexpr Sibling kSiblings[] = {{2, "WINDOWS-1250"}, {7, "WINDOWS-1253"}, {13, "WINDOWS-1257"}};

C1Meanings meanings_of(std::string_view code_page, const encoding_detail::SingleByteTable& table) {
  C1Meanings out{.code_page = std::string(code_page), .utf8 = {}};
  for (std::size_t i = 0; i < out.utf8.size(); ++i) {
    const auto& entry = table.entries[0x80 + i];
    const std::string_view utf8(entry.bytes.data(), entry.length);
    // A byte the code page leaves undefined, or one it maps to the control itself.
    const bool defined = !entry.invalid && !(entry.length == 2 && static_cast<unsigned char>(utf8[0]) == 0xC2 &&
                                             static_cast<unsigned char>(utf8[1]) == 0x80 + i);
    if (defined) out.utf8[i] = std::string(utf8);
  }
  return out;
}

// The meanings of kSiblings, read from iconv's tables once: not again for
// every document. windows-1252's stand in for one iconv does not have.
const C1Meanings& sibling_meanings(std::size_t index) {
  static const auto kMeanings = [] {
    std::array<C1Meanings, std::size(kSiblings)> out;
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto table = encoding_detail::single_byte_table(std::string(kSiblings[i].code_page));
      out[i] = table ? meanings_of(kSiblings[i].code_page, *table) : windows_1252_c1();
    }
    return out;
  }();
  return kMeanings[index];
}

}  // namespace

char32_t windows_1252_meant(char32_t cp) {
  static constexpr char32_t kC1[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  return cp >= 0x80 && cp <= 0x9F ? kC1[cp - 0x80] : cp;
}

const C1Meanings& windows_1252_c1() {
  static const C1Meanings kMeanings = [] {
    C1Meanings out{.code_page = "WINDOWS-1252", .utf8 = {}};
    for (char32_t cp = 0x80; cp <= 0x9F; ++cp) {
      const char32_t meant = windows_1252_meant(cp);
      if (meant != cp) text_detail::append_utf8(out.utf8[cp - 0x80], meant);
    }
    return out;
  }();
  return kMeanings;
}

const C1Meanings* c1_meanings(std::string_view charset) {
  if (charset.starts_with("UTF-")) return &windows_1252_c1();
  const int part = iso_8859_part(charset);
  if (part == 0) return nullptr;
  for (std::size_t i = 0; i < std::size(kSiblings); ++i) {
    if (kSiblings[i].part == part) return &sibling_meanings(i);
  }
  return &windows_1252_c1();
}

std::string remap_c1_controls(std::string&& utf8, const C1Meanings& meanings, bool* remapped) {
  std::size_t next = find_meant(utf8, 0, meanings);
  if (next == std::string::npos) return std::move(utf8);
  std::string out;
  out.reserve(utf8.size() + utf8.size() / 16);
  std::size_t done = 0;
  for (; next != std::string::npos; next = find_meant(utf8, done, meanings)) {
    out.append(utf8, done, next - done);
    out += meanings.utf8[static_cast<unsigned char>(utf8[next + 1]) - 0x80];
    done = next + 2;
  }
  out.append(utf8, done);
  if (remapped != nullptr) *remapped = true;
  return out;
}

}  // namespace feedsieve
