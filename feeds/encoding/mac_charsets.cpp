#include "feeds/encoding/mac_charsets.hpp"

#include <cstring>
#include <string>

#include "feeds/text/utf8_append.hpp"

namespace feedsieve::encoding_detail {
namespace {

SingleByteTable table_of(const MacCharset& charset) {
  SingleByteTable table;
  for (unsigned b = 0; b < 256; ++b) {
    std::string utf8;
    text_detail::append_utf8(utf8, b < 0x80 ? char32_t{b} : char32_t{charset.high[b - 0x80]});
    SingleByteTable::Entry& entry = table.entries[b];
    std::memcpy(entry.bytes.data(), utf8.data(), utf8.size());
    entry.length = static_cast<std::uint8_t>(utf8.size());
  }
  return table;
}

}  // namespace

const SingleByteTable* mac_charset_table(std::string_view name) {
  // Built at first use, constant from then on.
  static const std::array<SingleByteTable, kMacCharsets.size()> tables = [] {
    std::array<SingleByteTable, kMacCharsets.size()> out;
    for (std::size_t i = 0; i < kMacCharsets.size(); ++i) out[i] = table_of(kMacCharsets[i]);
    return out;
  }();
  for (std::size_t i = 0; i < kMacCharsets.size(); ++i) {
    if (kMacCharsets[i].name == name) return &tables[i];
  }
  return nullptr;
}

}  // namespace feedsieve::encoding_detail
