#pragma once
// Internal to feeds/encoding: UTF-16 to UTF-8 without iconv.
#include <string>
#include <string_view>

namespace feedsieve::encoding_detail {

// `bytes` (UTF-16, no byte order mark, in the given byte order) as UTF-8,
// exactly as convert_to_utf8 makes of it through iconv: a lone surrogate
// becomes U+FFFD (one per code unit), and so does an incomplete last
// character (one for the whole tail). Sets *replaced when either happens.
std::string decode_utf16(std::string_view bytes, bool big_endian, bool* replaced);

}  // namespace feedsieve::encoding_detail
