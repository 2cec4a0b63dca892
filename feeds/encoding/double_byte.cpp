// The CJK multi-byte charsets without iconv's trip through UCS-4 a character
// at a time, which made them the slowest charsets to read. Each charset's
// table (double_byte_table.cpp) holds what iconv makes of every sequence; the
// document is then mapped through it. The result is what convert_to_utf8 gets
// from iconv, replacements included: a sequence iconv rejects becomes U+FFFD
// and decoding goes on at its second byte; a sequence cut short by the end of
// the input becomes one U+FFFD. GB18030's four-byte sequences, too many for a
// table, go through iconv one at a time.
#include "feeds/encoding/double_byte.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "feeds/encoding/conversion.hpp"

namespace feedsieve::encoding_detail {
namespace {

using Kind = DoubleByteTable::Kind;
using Entry = DoubleByteTable::Entry;

// How deep each table goes: a byte and a trail byte, and EUC-JP's three-byte
// JIS X 0212 sequences. GB18030's four-byte sequences would take a row for
// each of 1,260 three-byte prefixes, so they are left to iconv.
struct Charset {
  std::string_view name;
  std::size_t depth;
};
constexpr std::array<Charset, 5> kCharsets{{
    {"CP932", 2}, {"GB18030", 2}, {"BIG5-HKSCS", 2}, {"CP949", 2}, {"EUC-JP", 3},
}};

// The table of kCharsets[I], built at its first use and constant from then
// on: a charset's table costs nothing until a document is in it.
template <std::size_t I>
const DoubleByteTable* table_of() {
  static const std::optional<DoubleByteTable> table =
      build_double_byte_table(std::string(kCharsets[I].name), kCharsets[I].depth);
  return table ? &*table : nullptr;
}

// One step of decoding: the entry for the sequence at some position, and how
// many bytes it takes (none for one left to iconv).
struct Step {
  const Entry* entry;
  std::size_t taken;
};

constexpr Entry kCutShort{{'\xEF', '\xBF', '\xBD', 0}, 3, Kind::invalid, 0, 0};

// `rows` is the table's, passed apart: the decoder's stores through char*
// would otherwise make the compiler load it again for every character.
inline Step step_at(const DoubleByteTable::Row* rows, std::string_view bytes, std::size_t i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(bytes[at]); };
  const Entry* e = &rows[0][byte(i)];
  std::size_t depth = 1;
  while (e->kind == Kind::prefix) {
    // iconv's EINVAL: convert_to_utf8 replaces the rest of the input with one U+FFFD.
    if (i + depth == bytes.size()) return {&kCutShort, depth};
    e = &rows[e->next][byte(i + depth)];
    ++depth;
  }
  // Only an invalid_past entry at the very end takes less than it says.
  return {e, std::min<std::size_t>(e->taken, bytes.size() - i)};
}

// What iconv makes of the sequence at the start of `rest` (one the table
// leaves to it) and of whatever else fits in a few bytes, as convert_to_utf8's
// loop does with them. `taken` bytes of input, at least one.
struct Piece {
  std::size_t taken = 0;
  std::string text;
  bool invalid = false;
};

Piece decode_through_iconv(const IconvToUtf8& cd, std::string_view rest) {
  // Sixteen bytes hold any sequence of these charsets and fit the buffer's UTF-8.
  std::size_t window = std::min<std::size_t>(rest.size(), 16);
  while (true) {
    const Conversion c = convert_once(cd.get(), rest.data(), window);
    Piece piece{c.consumed, std::string(c.text()), false};
    const bool cut_by_window = c.error == EINVAL && window < rest.size();
    if (cut_by_window && c.consumed == 0) {
      window = rest.size();  // not seen with glibc: a sequence longer than the window
      continue;
    }
    if ((c.error == EILSEQ || c.error == EINVAL) && !cut_by_window) {
      piece.text += kReplacement;
      piece.invalid = true;
      piece.taken = c.error == EINVAL ? rest.size() : std::min(c.consumed + 1, rest.size());
    }
    piece.taken = std::max<std::size_t>(piece.taken, 1);  // E2BIG before a character: not with 64 bytes of room
    return piece;
  }
}

}  // namespace

const DoubleByteTable* double_byte_table(std::string_view charset) {
  using Getter = const DoubleByteTable* (*)();
  static constexpr std::array<Getter, kCharsets.size()> kGetters{&table_of<0>, &table_of<1>, &table_of<2>,
                                                                 &table_of<3>, &table_of<4>};
  for (std::size_t i = 0; i < kCharsets.size(); ++i) {
    if (kCharsets[i].name == charset) return kGetters[i]();
  }
  return nullptr;
}

std::string decode_double_byte(std::string_view bytes, const DoubleByteTable& table, bool* replaced) {
  // A sequence of n bytes takes at most 4n bytes of output (three for U+FFFD)
  // and every entry is stored with a fixed four-byte copy; the room is checked
  // a block at a time, as decode_single_byte does.
  constexpr std::size_t kRoom = 4;
  constexpr std::size_t kCopy = sizeof(Entry::bytes);
  constexpr std::size_t kBlock = 4096;
  constexpr std::size_t kLongest = 4;  // a step's bytes: a sequence, and one skipped after it
  constexpr std::size_t kBlockRoom = (kBlock + kLongest) * kRoom + kCopy;
  std::string out(bytes.size() + bytes.size() / 2 + kBlockRoom, '\0');
  std::size_t written = 0;
  bool any_invalid = false;
  std::optional<IconvToUtf8> cd;  // opened for the first sequence left to iconv
  const DoubleByteTable::Row* rows = table.rows.data();
  const bool ascii_identity = table.ascii_identity;
  for (std::size_t i = 0; i < bytes.size();) {
    if (out.size() - written < kBlockRoom) out.resize(std::max(out.size() * 2, written + kBlockRoom));
    const std::size_t end = std::min(bytes.size(), i + kBlock);
    char* dst = out.data() + written;
    Step step{nullptr, 1};
    while (i < end) {
      if (ascii_identity && static_cast<unsigned char>(bytes[i]) < 0x80) {
        const std::size_t run = ascii_prefix(bytes.data() + i, end - i);
        std::memcpy(dst, bytes.data() + i, run);
        dst += run;
        i += run;
        continue;
      }
      step = step_at(rows, bytes, i);
      if (step.taken == 0) break;
      std::memcpy(dst, step.entry->bytes.data(), kCopy);
      dst += step.entry->length;
      i += step.taken;
      any_invalid |= step.entry->kind != Kind::character;
    }
    written = static_cast<std::size_t>(dst - out.data());
    if (step.taken == 0) {
      if (!cd) cd.emplace(table.charset);
      const Piece piece = decode_through_iconv(*cd, bytes.substr(i));
      if (out.size() - written < piece.text.size()) out.resize(out.size() * 2 + piece.text.size());
      std::memcpy(out.data() + written, piece.text.data(), piece.text.size());
      written += piece.text.size();
      i += piece.taken;
      any_invalid = any_invalid || piece.invalid;
    }
  }
  out.resize(written);
  if (any_invalid && replaced != nullptr) *replaced = true;
  return out;
}

}  // namespace feedsieve::encoding_detail
