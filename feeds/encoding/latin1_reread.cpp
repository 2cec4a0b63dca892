#include "feeds/encoding/latin1_reread.hpp"

#include <cstdint>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/conversion.hpp"

namespace feedsieve {
namespace {

constexpr unsigned char byte_at(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

// Walks the characters of `text` (well-formed UTF-8) from `from` on, where
// the ASCII before it ends, and calls byte(b) with each character taken as
// one byte; false at the first character past U+00FF, or as soon as the
// bytes cannot be UTF-8: a Latin word fails at its first accented letter,
// before anything is built.
template <typename Byte>
bool each_latin1_byte(std::string_view text, std::size_t from, Byte byte) {
  int continuations = 0;  // still owed to the lead byte before
  unsigned char previous = 0;  // the byte before
  for (std::size_t i = from; i < text.size();) {
    const std::size_t ascii = encoding_detail::ascii_prefix(text.data() + i, text.size() - i);
    if (ascii > 0) {
      if (continuations > 0) return false;
      for (std::size_t k = 0; k < ascii; ++k) byte(byte_at(text, i + k));
      i += ascii;
      continue;
    }
    // U+0080..U+00FF is C2 or C3 and one continuation byte.
    const unsigned char lead = byte_at(text, i);
    if ((lead != 0xC2 && lead != 0xC3) || i + 1 >= text.size()) return false;
    const auto b = static_cast<unsigned char>(((lead & 0x03) << 6) | (byte_at(text, i + 1) & 0x3F));
    if (continuations > 0) {
      if (b > 0xBF) return false;
      // A no-break space after a letter is text (German "Gruß&nbsp;Max"); only
      // after Â or Ã is it the second half of a character (U+00A0, à).
      if (b == 0xA0 && continuations == 1 && previous != 0xC2 && previous != 0xC3) return false;
      --continuations;
    } else if (b >= 0xC2 && b <= 0xF4 && !(b >= 0xDC && b <= 0xDF)) {
      // Ü Ý Þ ß lead only to Syriac, Thaana and NKo (U+0700..U+07FF): a German word, not a re-encoding.
      continuations = b < 0xE0 ? 1 : (b < 0xF0 ? 2 : 3);
    } else {
      return false;
    }
    previous = b;
    byte(b);
    i += 2;
  }
  return continuations == 0;
}

}  // namespace

std::optional<std::string> reread_latin1_as_utf8(std::string_view text) {
  const std::size_t ascii = encoding_detail::ascii_prefix(text.data(), text.size());
  if (ascii == text.size()) return std::nullopt;  // its own reading, as most fields are
  if (!each_latin1_byte(text, ascii, [](unsigned char) {})) return std::nullopt;
  std::string bytes(text.substr(0, ascii));
  bytes.reserve(text.size());
  each_latin1_byte(text, ascii, [&](unsigned char b) { bytes.push_back(static_cast<char>(b)); });
  // The walk checked the shape of each sequence; overlong forms and surrogates are left to this.
  if (!is_valid_utf8(bytes)) return std::nullopt;
  return bytes;
}

}  // namespace feedsieve
