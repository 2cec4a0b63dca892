#pragma once
// Internal to feeds/encoding: table-driven decoding of a stateless
// double-byte charset (CP932, which Shift_JIS labels are read as).
#include <string>
#include <string_view>

namespace feedsieve::encoding_detail {

class DoubleByteTable;

// The table of `charset` (an iconv name), built through iconv at first use;
// nullptr when the charset has none (or iconv does not decode it as expected).
const DoubleByteTable* double_byte_table(std::string_view charset);

// `bytes` decoded through `table`, byte for byte what convert_to_utf8 makes
// of them through iconv; sets *replaced when a sequence had no character.
std::string decode_double_byte(std::string_view bytes, const DoubleByteTable& table, bool* replaced);

}  // namespace feedsieve::encoding_detail
