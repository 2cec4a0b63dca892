#pragma once
// Internal to feeds/encoding: table-driven decoding of the stateless CJK
// multi-byte charsets (CP932, which Shift_JIS labels are read as, GB18030,
// BIG5-HKSCS, CP949 and EUC-JP).
#include <iconv.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve::encoding_detail {

// What iconv makes of every sequence of a charset, as a tree of 256-entry
// rows: rows[0] is read with the first byte, and an entry that starts a longer
// sequence names the row its next byte is read with.
class DoubleByteTable {
 public:
  enum class Kind : std::uint8_t {
    character,     // `bytes` is the sequence's UTF-8
    invalid,       // iconv rejects the sequence at its first byte: U+FFFD, then on at the next byte
    invalid_past,  // iconv rejects it past its last byte (CP949's A2 E8): U+FFFD, and the byte after it skipped
    prefix,        // the sequence goes on in rows[next]; at the end of the input, one U+FFFD for the rest
    longer,        // deeper than the table goes (GB18030's four bytes): iconv decodes it
  };
  struct Entry {
    std::array<char, 4> bytes{};  // UTF-8, U+FFFD for the invalid kinds; copied four bytes at a time
    std::uint8_t length = 0;
    Kind kind = Kind::invalid;
    std::uint8_t taken = 0;  // bytes of input the entry stands for (none for a prefix or a longer one)
    std::uint16_t next = 0;  // a prefix's row
  };
  using Row = std::array<Entry, 256>;

  std::string charset;  // its iconv name, for the sequences left to iconv
  std::vector<Row> rows;
  bool ascii_identity = true;  // bytes below 0x80 are themselves
};

// The table of `charset` (an iconv name), built through iconv at first use;
// nullptr when the charset has none (or iconv does not decode it as expected).
const DoubleByteTable* double_byte_table(std::string_view charset);

// The table of `charset` built from iconv's output for every sequence of up to
// `depth` bytes; nullopt when iconv reads some sequence in a way the table
// cannot express.
std::optional<DoubleByteTable> build_double_byte_table(const std::string& charset, std::size_t depth);

// `bytes` decoded through `table`, byte for byte what convert_to_utf8 makes
// of them through iconv; sets *replaced when a sequence had no character.
std::string decode_double_byte(std::string_view bytes, const DoubleByteTable& table, bool* replaced);

// One call of iconv on input[0, n), into a buffer that holds the UTF-8 of
// sixteen bytes of any of these charsets. Like convert_to_utf8's iconv loop,
// it resets `cd` after an error only: these charsets are back in their
// initial state after each whole character.
struct Conversion {
  int error = 0;  // 0, or iconv's errno
  std::size_t consumed = 0;
  std::size_t produced = 0;
  std::array<char, 64> buffer;  // only its first `produced` bytes are ever read
  // The UTF-8 produced, viewed on demand: a stored view would still point
  // into the original's buffer once the Conversion is returned by copy.
  std::string_view text() const { return {buffer.data(), produced}; }
};
Conversion convert_once(iconv_t cd, const char* input, std::size_t n);

}  // namespace feedsieve::encoding_detail
