// Double-byte charsets without iconv's trip through UCS-4 a character at a
// time, which made Shift_JIS the slowest charset to read. Every byte and every
// pair that starts with a lead byte is converted once, through iconv itself,
// into a table; the document is then mapped through it. The result is what
// convert_to_utf8 gets from iconv, replacements included: a byte iconv rejects,
// or a lead byte whose pair it rejects, becomes U+FFFD and decoding goes on
// at the next byte; a lead byte at the very end becomes U+FFFD.
#include "feeds/encoding/double_byte.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/conversion.hpp"

namespace feedsieve::encoding_detail {

class DoubleByteTable {
 public:
  struct Entry {
    std::array<char, 4> bytes{};  // the character's UTF-8 (U+FFFD when invalid)
    std::uint8_t length = 0;
    bool invalid = false;
  };

  // What a byte is on its own: a character, a rejected byte, or a lead byte.
  std::array<Entry, 256> singles{};
  std::array<bool, 256> lead{};
  std::vector<Entry> pairs;                   // 256 entries for each lead byte, by trail byte
  std::array<std::uint16_t, 256> lead_row{};  // a lead byte's first entry in pairs, over 256
  bool ascii_identity = true;                 // bytes below 0x80 are themselves
};

namespace {

struct Conversion {
  int error = 0;  // 0, or iconv's errno
  std::size_t consumed = 0;
  std::size_t produced = 0;
  std::array<char, 16> buffer{};
  // The UTF-8 produced, viewed on demand: a stored view would still point
  // into the original's buffer once the Conversion is returned by copy.
  std::string_view text() const { return {buffer.data(), produced}; }
};

Conversion convert(iconv_t cd, const char* input, std::size_t n) {
  Conversion c;
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  char* in = const_cast<char*>(input);  // iconv's API takes char** but never writes through it
  std::size_t in_left = n;
  char* out = c.buffer.data();
  std::size_t out_left = c.buffer.size();
  c.error = iconv(cd, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1) ? errno : 0;
  c.consumed = n - in_left;
  c.produced = c.buffer.size() - out_left;
  return c;
}

// True when `text` is exactly one UTF-8 character of at most four bytes.
bool one_character(std::string_view text) {
  return !text.empty() && text.size() <= 4 && utf8_sequence_length(text, 0) == text.size();
}

void set_character(DoubleByteTable::Entry& entry, std::string_view text) {
  std::memcpy(entry.bytes.data(), text.data(), text.size());
  entry.length = static_cast<std::uint8_t>(text.size());
}

void set_invalid(DoubleByteTable::Entry& entry) {
  set_character(entry, kReplacement);
  entry.invalid = true;
}

// Fills table.singles and table.lead; false when a byte does something a
// double-byte charset does not (gives no character, or several).
bool fill_singles(iconv_t cd, DoubleByteTable& table) {
  for (unsigned b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    const Conversion c = convert(cd, &byte, 1);
    if (c.error == 0 && c.consumed == 1 && one_character(c.text())) {
      set_character(table.singles[b], c.text());
    } else if (c.error == EILSEQ && c.consumed == 0) {
      set_invalid(table.singles[b]);
    } else if (c.error == EINVAL && c.consumed == 0 && c.text().empty()) {
      table.lead[b] = true;
      set_invalid(table.singles[b]);  // what a lead byte at the end becomes
    } else {
      return false;
    }
    if (b < 0x80) table.ascii_identity = table.ascii_identity && c.text() == std::string_view(&byte, 1);
  }
  return true;
}

bool fill_pairs(iconv_t cd, DoubleByteTable& table) {
  for (unsigned lead = 0; lead < 256; ++lead) {
    if (!table.lead[lead]) continue;
    table.lead_row[lead] = static_cast<std::uint16_t>(table.pairs.size() / 256);
    for (unsigned trail = 0; trail < 256; ++trail) {
      const std::array<char, 2> pair{static_cast<char>(lead), static_cast<char>(trail)};
      const Conversion c = convert(cd, pair.data(), pair.size());
      DoubleByteTable::Entry entry;
      if (c.error == 0 && c.consumed == 2 && one_character(c.text())) {
        set_character(entry, c.text());
      } else if (c.error == EILSEQ && c.consumed == 0) {
        set_invalid(entry);
      } else {
        return false;  // a pair iconv reads some other way: leave the charset to iconv
      }
      table.pairs.push_back(entry);
    }
  }
  return true;
}

std::optional<DoubleByteTable> build_table(const char* charset) {
  const IconvToUtf8 cd{charset};
  if (!cd.ok()) return std::nullopt;
  DoubleByteTable table;
  if (!fill_singles(cd.get(), table) || !fill_pairs(cd.get(), table)) return std::nullopt;
  return table;
}

}  // namespace

const DoubleByteTable* double_byte_table(std::string_view charset) {
  // Built at first use and constant from then on. CP949 (EUC-KR) stays with
  // iconv: glibc's CP949 does not pass the checks of fill_pairs.
  if (charset == "CP932") {
    static const std::optional<DoubleByteTable> cp932 = build_table("CP932");
    return cp932 ? &*cp932 : nullptr;
  }
  return nullptr;
}

std::string decode_double_byte(std::string_view bytes, const DoubleByteTable& table, bool* replaced) {
  // One input byte takes at most four bytes of output (three for U+FFFD or a
  // half-width katakana) and every entry is stored with a fixed four-byte
  // copy; the room is checked a block at a time, as decode_single_byte does.
  constexpr std::size_t kRoom = 4;
  constexpr std::size_t kCopy = sizeof(DoubleByteTable::Entry::bytes);
  constexpr std::size_t kBlock = 4096;
  constexpr std::size_t kBlockRoom = (kBlock + 1) * kRoom + kCopy;  // +1: a pair may end past the block
  std::string out(bytes.size() + bytes.size() / 2 + kBlockRoom, '\0');
  std::size_t written = 0;
  bool any_invalid = false;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  for (std::size_t i = 0; i < bytes.size();) {
    if (out.size() - written < kBlockRoom) out.resize(std::max(out.size() * 2, written + kBlockRoom));
    const std::size_t end = std::min(bytes.size(), i + kBlock);
    char* dst = out.data() + written;
    while (i < end) {
      if (table.ascii_identity && byte(i) < 0x80) {
        const std::size_t run = ascii_prefix(bytes.data() + i, end - i);
        std::memcpy(dst, bytes.data() + i, run);
        dst += run;
        i += run;
        continue;
      }
      const unsigned char b = byte(i);
      const DoubleByteTable::Entry* e = &table.singles[b];
      if (table.lead[b] && i + 1 < bytes.size()) {
        e = &table.pairs[table.lead_row[b] * 256u + byte(i + 1)];
        i += e->invalid ? 1 : 2;  // a rejected pair: its trail byte is read again on its own
      } else {
        ++i;
      }
      std::memcpy(dst, e->bytes.data(), kCopy);
      dst += e->length;
      any_invalid = any_invalid || e->invalid;
    }
    written = static_cast<std::size_t>(dst - out.data());
  }
  out.resize(written);
  if (any_invalid && replaced != nullptr) *replaced = true;
  return out;
}

}  // namespace feedsieve::encoding_detail
