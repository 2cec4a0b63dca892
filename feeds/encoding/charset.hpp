#pragma once
// Character encodings of XML documents: which one the bytes are in (BOM, HTTP
// charset, XML declaration) and conversion to UTF-8 through glibc's iconv.
#include <cstddef>
#include <string>
#include <string_view>

namespace feedsieve {

struct DecodedDocument {
  std::string utf8;      // the document as UTF-8, its XML declaration saying so
  std::string encoding;  // the charset the bytes were read as ("UTF-8", "WINDOWS-1252"...)
  bool replaced_invalid = false;  // some byte sequences were not valid and became U+FFFD
  bool unknown_charset = false;   // the declared charset is unknown to iconv; read as UTF-8
  bool charset_guessed = false;   // the bytes were not the UTF-8 declared or assumed; `encoding` is a guess
  bool mixed_windows_1252 = false;  // UTF-8 with stray windows-1252 bytes, each read as its character
  std::string c1_read_as;  // the code page whose characters C1 controls were read as (c1_controls.hpp), or ""
};

// The length of the well-formed UTF-8 sequence that starts at s[i], or 0
// when none does (overlong, surrogate, above U+10FFFF, truncated). i < s.size().
// Inline: the validation loops of the parser call it for every non-ASCII character.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view bytes);

// True when `charset` (as iconv_charset_name gives it) writes all text in
// ASCII bytes (ISO-2022-JP, -KR, -CN, UTF-7) and `bytes` are ASCII, as text
// in it is: that the bytes are valid UTF-8 then says nothing against the label.
bool is_seven_bit_text(std::string_view charset, std::string_view bytes);

// The charset parameter of a Content-Type header value, lower-cased, unquoted; "" if none.
std::string charset_from_content_type(std::string_view content_type);

// The encoding pseudo-attribute of a leading XML declaration (single or double
// quotes), as written; "" if none. `bytes` must be ASCII-compatible.
std::string xml_declared_encoding(std::string_view bytes);

// The name to decode a declared charset with: what the label means to
// browsers (ISO-8859-1 and US-ASCII mean windows-1252, GB2312 means GB18030,
// and so on) or to Python, else a spelling of it that iconv knows. Apple's Mac
// charsets are named X-MAC-ROMAN, X-MAC-GREEK... (mac_charsets.hpp).
std::string iconv_charset_name(std::string_view declared);

// Converts `bytes` from `charset` (an iconv name) to UTF-8. Invalid or
// truncated sequences become U+FFFD. Throws std::invalid_argument when iconv
// does not know the charset.
std::string convert_to_utf8(std::string_view bytes, std::string_view charset, bool* replaced = nullptr);

// Replaces invalid UTF-8 sequences with U+FFFD.
std::string repair_utf8(std::string_view bytes, bool* replaced = nullptr);

// The whole chain for an XML document, in RFC 7303 order: a byte order mark,
// else the HTTP charset (`content_type`), else the XML declaration, else
// UTF-8. Before any label, the first bytes' shape (XML 1.0 appendix F) rules
// out what cannot be: "<" in UTF-16/32 without a BOM is read as such, and
// "<?xm" in EBCDIC takes a label only when it is an EBCDIC page (else
// IBM037). Bytes that are already valid UTF-8 are never converted from a
// single-byte charset a second time.
// The result's XML declaration is rewritten to say UTF-8, and its C1 controls
// are read as the characters they stand for (c1_controls.hpp).
DecodedDocument decode_xml_document(std::string_view bytes, std::string_view content_type);

}  // namespace feedsieve
