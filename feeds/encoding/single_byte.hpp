#pragma once
// Internal to feeds/encoding: table-driven decoding of single-byte charsets.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace feedsieve::encoding_detail {

// The UTF-8 of each of the 256 byte values of one charset, as iconv converts them.
struct SingleByteTable {
  struct Entry {
    std::array<char, 8> bytes{};
    std::uint8_t length = 0;
    bool invalid = false;  // iconv rejects the byte: U+FFFD stands for it
  };
  std::array<Entry, 256> entries{};
  bool ascii_identity = true;  // bytes below 0x80 are themselves
};

// The table of `charset` (an iconv name), or nullopt when it is not a
// stateless single-byte charset that iconv knows.
std::optional<SingleByteTable> single_byte_table(const std::string& charset);

// `bytes` mapped through `table`; sets *replaced when a byte had no character.
std::string decode_single_byte(std::string_view bytes, const SingleByteTable& table, bool* replaced);

}  // namespace feedsieve::encoding_detail
