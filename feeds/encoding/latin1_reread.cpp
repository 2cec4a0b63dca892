#include "feeds/encoding/latin1_reread.hpp"

#include <cstdint>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/conversion.hpp"

namespace feedsieve {
namespace {

constexpr unsigned char byte_at(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

// The code points of `text` as one byte each, from `from` on (what comes
// before is ASCII); nullopt at the first character past U+00FF.
std::optional<std::string> latin1_bytes(std::string_view text, std::size_t from) {
  std::string bytes(text.substr(0, from));
  bytes.reserve(text.size());
  for (std::size_t i = from; i < text.size();) {
    const std::size_t ascii = encoding_detail::ascii_prefix(text.data() + i, text.size() - i);
    bytes.append(text.substr(i, ascii));
    i += ascii;
    if (i == text.size()) break;
    const unsigned char lead = byte_at(text, i);
    // U+0080..U+00FF is C2 or C3 and one continuation byte; the text is well-formed UTF-8.
    if ((lead != 0xC2 && lead != 0xC3) || i + 1 >= text.size()) return std::nullopt;
    bytes.push_back(static_cast<char>(((lead & 0x03) << 6) | (byte_at(text, i + 1) & 0x3F)));
    i += 2;
  }
  return bytes;
}

}  // namespace

std::optional<std::string> reread_latin1_as_utf8(std::string_view text) {
  const std::size_t ascii = encoding_detail::ascii_prefix(text.data(), text.size());
  if (ascii == text.size()) return std::nullopt;  // its own reading, as most fields are
  std::optional<std::string> bytes = latin1_bytes(text, ascii);
  if (!bytes || !is_valid_utf8(*bytes)) return std::nullopt;
  return bytes;
}

}  // namespace feedsieve
