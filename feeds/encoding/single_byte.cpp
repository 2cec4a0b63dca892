// Single-byte charsets (windows-125x, ISO-8859-x, KOI8...) without iconv's
// per-byte trip through UCS-4: the 256 byte values are converted once, through
// iconv itself, into a table of UTF-8 strings, and the document is mapped
// through it. The output is iconv's, byte for byte: a byte iconv rejects
// becomes U+FFFD, as convert_to_utf8 does with it. Only charsets known to be
// stateless one byte per character take this path; windows-1255 and
// windows-1258 are not among them, since glibc composes their combining marks.
// The Mac charsets are Apple's tables instead (mac_charsets.hpp).
#include "feeds/encoding/single_byte.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/conversion.hpp"
#include "feeds/encoding/mac_charsets.hpp"

namespace feedsieve::encoding_detail {
namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (const std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

// iconv names (as iconv_charset_name gives them) of stateless charsets with one byte per character.
bool is_single_byte_charset(std::string_view name) {
  for (const std::string_view prefix : {"ISO-8859-", "ISO8859-", "ISO_8859-"}) {
    if (name.starts_with(prefix)) return true;
  }
  for (const std::string_view prefix : {"WINDOWS-125", "CP125"}) {
    if (name.starts_with(prefix) && name.size() == prefix.size() + 1) {
      const char digit = name.back();
      return digit >= '0' && digit <= '7' && digit != '5';  // 1255: composed Hebrew points
    }
  }
  return one_of(name, {"WINDOWS-874", "CP874", "KOI8-R", "KOI8-U", "KOI8-RU", "MACINTOSH", "IBM866", "CP866",
                       "CP437", "CP850", "CP852", "IBM437", "IBM850", "IBM852"});
}

// What iconv makes of byte `b` on its own: its UTF-8 in `entry`, or false
// when the byte is not a character of the charset with a short UTF-8 form.
// `invalid` tells a byte iconv rejects (EILSEQ) from a charset that is not
// one byte per character after all (EINVAL, no output, anything else).
bool probe(iconv_t cd, unsigned char b, SingleByteTable::Entry& entry, bool& invalid) {
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  char in_byte = static_cast<char>(b);
  char* in = &in_byte;
  std::size_t in_left = 1;
  char* out = entry.bytes.data();
  std::size_t out_left = entry.bytes.size();
  const std::size_t rc = iconv(cd, &in, &in_left, &out, &out_left);
  invalid = rc == static_cast<std::size_t>(-1) && errno == EILSEQ;
  if (rc == static_cast<std::size_t>(-1)) return false;
  entry.length = static_cast<std::uint8_t>(entry.bytes.size() - out_left);
  return in_left == 0 && entry.length > 0;
}

void set_invalid(SingleByteTable::Entry& entry) {
  std::memcpy(entry.bytes.data(), kReplacement.data(), kReplacement.size());
  entry.length = static_cast<std::uint8_t>(kReplacement.size());
  entry.invalid = true;
}

// All 256 bytes in a few iconv calls (one per run between rejected bytes)
// instead of one call each: UTF-8 output splits into characters by itself.
// False when some byte did not give exactly one character.
bool fill_in_runs(iconv_t cd, SingleByteTable& table) {
  std::array<char, 256> all{};
  for (unsigned b = 0; b < 256; ++b) all[b] = static_cast<char>(b);
  std::array<char, 256 * 8> produced{};
  std::size_t b = 0;
  while (b < all.size()) {
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
    char* in = all.data() + b;
    std::size_t in_left = all.size() - b;
    char* out = produced.data();
    std::size_t out_left = produced.size();
    const bool failed = iconv(cd, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1);
    const bool rejected = failed && errno == EILSEQ;
    if (failed && !rejected) return false;
    const std::size_t consumed = all.size() - b - in_left;
    const std::string_view text(produced.data(), produced.size() - out_left);
    std::size_t pos = 0;
    for (std::size_t k = 0; k < consumed; ++k) {
      const std::size_t length = pos < text.size() ? utf8_sequence_length(text, pos) : 0;
      if (length == 0) return false;
      SingleByteTable::Entry& entry = table.entries[b + k];
      std::memcpy(entry.bytes.data(), text.data() + pos, length);
      entry.length = static_cast<std::uint8_t>(length);
      pos += length;
    }
    if (pos != text.size()) return false;
    b += consumed;
    if (rejected) set_invalid(table.entries[b++]);
  }
  return true;
}

// The slow and sure way: each byte on its own.
bool fill_by_probes(iconv_t cd, SingleByteTable& table) {
  for (unsigned b = 0; b < 256; ++b) {
    SingleByteTable::Entry& entry = table.entries[b];
    entry = {};
    bool invalid = false;
    if (probe(cd, static_cast<unsigned char>(b), entry, invalid)) continue;
    if (!invalid) return false;
    set_invalid(entry);
  }
  return true;
}


std::optional<SingleByteTable> build_table(const std::string& charset) {
  const IconvToUtf8 cd(charset);
  if (!cd.ok()) return std::nullopt;
  SingleByteTable table;
  if (!fill_in_runs(cd.get(), table) && !fill_by_probes(cd.get(), table)) return std::nullopt;
  for (unsigned b = 0; b < 0x80; ++b) {
    const SingleByteTable::Entry& e = table.entries[b];
    table.ascii_identity = table.ascii_identity && e.length == 1 && static_cast<unsigned char>(e.bytes[0]) == b;
  }
  return table;
}

// The names iconv_charset_name gives the single-byte charsets feeds use.
constexpr std::string_view kCommonCharsets[] = {
    "WINDOWS-1252", "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1253", "WINDOWS-1254", "WINDOWS-1256",
    "WINDOWS-1257", "WINDOWS-874",  "ISO-8859-2",   "ISO-8859-3",   "ISO-8859-4",   "ISO-8859-5",
    "ISO-8859-6",   "ISO-8859-7",   "ISO-8859-8",   "ISO-8859-10",  "ISO-8859-13",  "ISO-8859-14",
    "ISO-8859-15",  "ISO-8859-16",  "KOI8-R",       "KOI8-U",       "IBM866",
};

// The tables of kCommonCharsets, built at first use and constant from then
// on. Building a table takes an iconv_open, and when documents alternate
// between charsets glibc loads and unloads the charsets' modules on each
// open (about 100 us a time, more than decoding a typical feed).
const SingleByteTable* common_table(std::string_view charset) {
  using Tables = std::vector<std::pair<std::string_view, SingleByteTable>>;
  static const Tables tables = [] {
    Tables out;
    for (const std::string_view name : kCommonCharsets) {
      if (auto table = build_table(std::string(name))) out.emplace_back(name, *table);
    }
    return out;
  }();
  for (const auto& [name, table] : tables) {
    if (name == charset) return &table;
  }
  return nullptr;
}

}  // namespace

std::optional<SingleByteTable> single_byte_table(const std::string& charset) {
  if (const SingleByteTable* mac = mac_charset_table(charset)) return *mac;
  if (!is_single_byte_charset(charset)) return std::nullopt;
  if (const SingleByteTable* common = common_table(charset)) return *common;
  return build_table(charset);
}

std::string decode_single_byte(std::string_view bytes, const SingleByteTable& table, bool* replaced) {
  const auto& entries = table.entries;
  // Every entry is stored with a fixed-size copy (one store, not a call), so
  // one input byte takes at most kSlack bytes of room, and the excess is cut
  // at the end. The room is checked a block at a time: one pass over the
  // input, and a result that is grown (rarely) rather than measured first.
  constexpr std::size_t kSlack = sizeof(SingleByteTable::Entry::bytes);
  constexpr std::size_t kBlock = 4096;
  static_assert(std::endian::native == std::endian::little);
  std::string out(bytes.size() + bytes.size() / 4 + kBlock * kSlack, '\0');
  std::size_t written = 0;
  bool any_invalid = false;
  for (std::size_t start = 0; start < bytes.size(); start += kBlock) {
    const std::size_t end = std::min(bytes.size(), start + kBlock);
    if (out.size() - written < (end - start) * kSlack) out.resize(std::max(out.size() * 2, written + kBlock * kSlack));
    char* dst = out.data() + written;
    for (std::size_t i = start; i < end;) {
      // Eight bytes at a time: the ASCII before the first other byte is
      // stored with one 8-byte copy, where latin text leaves short runs that
      // a call to memcpy each would cost more than. (Byte order: the first
      // byte is the word's lowest.)
      if (table.ascii_identity && i + sizeof(std::uint64_t) <= end) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, sizeof word);
        std::memcpy(dst, &word, sizeof word);
        const std::uint64_t high = word & 0x8080808080808080ull;
        const std::size_t ascii = high == 0 ? sizeof word : static_cast<std::size_t>(std::countr_zero(high)) / 8;
        dst += ascii;
        i += ascii;
        if (high == 0) continue;
      } else if (table.ascii_identity && static_cast<unsigned char>(bytes[i]) < 0x80) {
        *dst++ = bytes[i++];
        continue;
      }
      const auto& e = entries[static_cast<unsigned char>(bytes[i++])];
      std::memcpy(dst, e.bytes.data(), kSlack);
      dst += e.length;
      any_invalid = any_invalid || e.invalid;
    }
    written = static_cast<std::size_t>(dst - out.data());
  }
  out.resize(written);
  if (any_invalid && replaced != nullptr) *replaced = true;
  return out;
}

}  // namespace feedsieve::encoding_detail
