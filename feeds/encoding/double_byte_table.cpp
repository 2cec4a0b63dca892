// Builds the table of a multi-byte charset from iconv's own output: every
// byte, then every sequence that iconv says goes on, is converted once, and
// what iconv does with it becomes an entry. Nothing of any charset is written
// here by hand, so the table decodes as this machine's iconv does; a charset
// whose iconv does something else with a sequence (several characters past
// four bytes of UTF-8, an error with output) gets no table and stays with
// iconv.
#include <cerrno>
#include <cstring>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/conversion.hpp"
#include "feeds/encoding/double_byte.hpp"

namespace feedsieve::encoding_detail {

Conversion convert_once(iconv_t cd, const char* input, std::size_t n) {
  Conversion c;
  char* in = const_cast<char*>(input);  // iconv's API takes char** but never writes through it
  std::size_t in_left = n;
  char* out = c.buffer.data();
  std::size_t out_left = c.buffer.size();
  c.error = iconv(cd, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1) ? errno : 0;
  c.consumed = n - in_left;
  c.produced = c.buffer.size() - out_left;
  if (c.error != 0) iconv(cd, nullptr, nullptr, nullptr, nullptr);  // as the iconv loop resets after an error
  return c;
}

namespace {

using Kind = DoubleByteTable::Kind;
using Entry = DoubleByteTable::Entry;

// True when `text` is whole UTF-8 characters (one, or BIG5-HKSCS's letter and
// combining mark) that fit an entry.
bool fits_entry(std::string_view text) {
  if (text.empty() || text.size() > sizeof(Entry::bytes)) return false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

Entry make_entry(Kind kind, std::string_view text, std::size_t taken) {
  Entry entry;
  entry.kind = kind;
  std::memcpy(entry.bytes.data(), text.data(), text.size());
  entry.length = static_cast<std::uint8_t>(text.size());
  entry.taken = static_cast<std::uint8_t>(taken);
  return entry;
}

// What iconv does with `sequence` on its own, as an entry; nullopt when the
// table cannot say it. A prefix's row is filled in by the caller.
std::optional<Entry> classify(iconv_t cd, std::string_view sequence) {
  const std::size_t n = sequence.size();
  const Conversion c = convert_once(cd, sequence.data(), n);
  if (c.error == 0 && c.consumed == n && fits_entry(c.text())) return make_entry(Kind::character, c.text(), n);
  if (c.produced != 0) return std::nullopt;
  if (c.error == EILSEQ && c.consumed == 0) return make_entry(Kind::invalid, kReplacement, 1);
  // convert_to_utf8 skips one byte past where iconv stopped: the next one.
  if (c.error == EILSEQ && c.consumed == n) return make_entry(Kind::invalid_past, kReplacement, n + 1);
  if (c.error == EINVAL && c.consumed == 0) return make_entry(Kind::prefix, kReplacement, 0);
  return std::nullopt;
}

struct Builder {
  iconv_t cd;
  std::size_t depth;

  // Fills `row`, read after the bytes of `sequence`, and the rows of the
  // longer sequences it starts; false when some sequence has no entry.
  bool fill(DoubleByteTable& table, std::size_t row, std::string& sequence) const {
    sequence.push_back('\0');
    for (unsigned b = 0; b < 256; ++b) {
      sequence.back() = static_cast<char>(b);
      const std::optional<Entry> entry = classify(cd, sequence);
      if (!entry) return false;
      table.rows[row][b] = *entry;
      if (entry->kind != Kind::prefix) continue;
      if (sequence.size() == depth) {
        table.rows[row][b].kind = Kind::longer;
        continue;
      }
      if (table.rows.size() > UINT16_MAX) return false;
      table.rows[row][b].next = static_cast<std::uint16_t>(table.rows.size());
      table.rows.emplace_back();
      if (!fill(table, table.rows.size() - 1, sequence)) return false;
    }
    sequence.pop_back();
    return true;
  }
};

bool ascii_is_identity(const DoubleByteTable& table) {
  for (unsigned b = 0; b < 0x80; ++b) {
    const Entry& e = table.rows[0][b];
    if (e.kind != Kind::character || e.length != 1 || e.bytes[0] != static_cast<char>(b)) return false;
  }
  return true;
}

}  // namespace

std::optional<DoubleByteTable> build_double_byte_table(const std::string& charset, std::size_t depth) {
  const IconvToUtf8 cd{charset};
  if (!cd.ok()) return std::nullopt;
  DoubleByteTable table;
  table.charset = charset;
  table.rows.emplace_back();
  std::string sequence;
  if (!Builder{cd.get(), depth}.fill(table, 0, sequence)) return std::nullopt;
  table.ascii_identity = ascii_is_identity(table);
  return table;
}

}  // namespace feedsieve::encoding_detail
