#pragma once
// Internal to feeds/encoding: Apple's Mac OS charsets as Apple's own mapping
// tables define them. glibc's iconv has no Greek, Turkish, Croatian or
// Romanian one, and its Roman, Icelandic and Cyrillic ones predate Apple's
// current tables (the euro sign, U+2206 for the increment sign).
#include <array>
#include <string_view>

#include "feeds/encoding/single_byte.hpp"

namespace feedsieve::encoding_detail {

struct MacCharset {
  std::string_view name;           // as iconv_charset_name gives it: "X-MAC-GREEK"
  std::array<char16_t, 128> high;  // the characters of bytes 0x80-0xFF; 0x00-0x7F are ASCII
};

// Written by scripts/mac_charsets.py (mac_charsets_table.cpp).
extern const std::array<MacCharset, 7> kMacCharsets;

// The table of the Mac charset named `name`, or nullptr when it is none.
const SingleByteTable* mac_charset_table(std::string_view name);

}  // namespace feedsieve::encoding_detail
