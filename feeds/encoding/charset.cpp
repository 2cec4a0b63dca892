#include "feeds/encoding/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "feeds/encoding/c1_controls.hpp"
#include "feeds/encoding/charset_guess.hpp"
#include "feeds/encoding/charset_labels.hpp"
#include "feeds/encoding/conversion.hpp"
#include "feeds/encoding/double_byte.hpp"
#include "feeds/encoding/single_byte.hpp"
#include "feeds/encoding/utf16.hpp"
#include "feeds/encoding/utf8_blocks.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/text/byte_set.hpp"
#include "feeds/text/utf8_append.hpp"

namespace feedsieve {
namespace {

using encoding_detail::kReplacement;

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c); });
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// How many bytes to skip past an invalid sequence: one code unit.
std::size_t code_unit_size(std::string_view charset) {
  const std::string name = upper_ascii(charset);
  if (name.starts_with("UTF-32") || name.starts_with("UCS-4")) return 4;
  if (name.starts_with("UTF-16") || name.starts_with("UCS-2")) return 2;
  return 1;
}

struct Bom {
  std::string_view bytes;
  std::string_view charset;
};

// Longest first: the UTF-32LE mark starts with the UTF-16LE one.
constexpr std::array<Bom, 5> kBoms{{
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
}};

// XML 1.0 appendix F: a document without a BOM starts with '<', which gives
// away the code unit width and byte order. Whitespace before it, which XML
// does not allow but editors leave, gives them away as well.
struct WideLayout {
  std::size_t unit;    // bytes per code unit
  std::size_t offset;  // where the ASCII byte sits in a unit
  std::string_view charset;
};

// Longest units first: UTF-32LE's '<' starts like UTF-16LE's.
constexpr std::array<WideLayout, 4> kWideLayouts{{
    {4, 3, "UTF-32BE"},
    {4, 0, "UTF-32LE"},
    {2, 1, "UTF-16BE"},
    {2, 0, "UTF-16LE"},
}};

// The ASCII character of the code unit at `at` in `layout`, or 0 when the
// unit is not ASCII there (or is cut off).
char wide_ascii(std::string_view b, std::size_t at, const WideLayout& layout) {
  if (at + layout.unit > b.size()) return 0;
  for (std::size_t k = 0; k < layout.unit; ++k) {
    if (k != layout.offset && b[at + k] != 0) return 0;
  }
  const char c = b[at + layout.offset];
  return static_cast<unsigned char>(c) < 0x80 ? c : 0;
}

std::string_view sniff_wide_charset(std::string_view b) {
  constexpr std::size_t kMostLeadingSpace = 64;
  for (const WideLayout& layout : kWideLayouts) {
    for (std::size_t at = 0, units = 0; units <= kMostLeadingSpace; at += layout.unit, ++units) {
      const char c = wide_ascii(b, at, layout);
      if (c == '<') return layout.charset;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    }
  }
  return {};
}

// XML 1.0 appendix F again: "<?xm" in EBCDIC, whose code pages all share
// the characters of a declaration. What is read there in the most common
// page, IBM037, names the page itself.
constexpr std::string_view kEbcdicDeclarationStart = "\x4C\x6F\xA7\x94";
constexpr std::string_view kEbcdicFallback = "IBM037";

constexpr std::string_view kUtf8Declaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";

// Where the XML declaration starts: first in the document, or after junk
// that a server printed before it (a PHP notice, a stray line), in the
// first few kilobytes; npos when there is none.
std::size_t declaration_start(std::string_view text) {
  constexpr std::size_t kJunkWindow = 4096;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text.compare(first, 5, "<?xml") == 0) return first;
  for (std::size_t at = text.find("<?xml", first); at < kJunkWindow; at = text.find("<?xml", at + 5)) {
    // "<?xml-stylesheet" is another processing instruction.
    if (at + 5 < text.size() && is_space(text[at + 5])) return at;
  }
  return std::string_view::npos;
}

// Where the XML declaration is: [start, end) of "<?xml ... ?>", if any.
std::optional<std::pair<std::size_t, std::size_t>> declaration_span(std::string_view text) {
  const std::size_t start = declaration_start(text);
  if (start == std::string_view::npos || text.compare(start, 5, "<?xml") != 0) return std::nullopt;
  const std::size_t end = text.find("?>", start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::pair{start, end + 2};
}

// XML has no C0 controls but tab, line feed and carriage return, and
// pugixml would keep the others in text: NUL (UTF-16 read as 8-bit bytes),
// a vertical tab or a 0x1F pasted from a word processor. They are dropped.
bool is_forbidden_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

bool has_forbidden_control(std::string_view text) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i highest_control = _mm_set1_epi8(0x1F);
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i line_feed = _mm_set1_epi8('\n');
  const __m128i carriage_return = _mm_set1_epi8('\r');
  i = first_hit16(text, 0, [&](__m128i v) {
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, highest_control), v);
    const __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, line_feed)),
                                         _mm_cmpeq_epi8(v, carriage_return));
    return _mm_andnot_si128(allowed, control);
  });
#endif
  return std::any_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.end(), is_forbidden_control);
}

// Writes the UTF-8 declaration over [start, end) of text. A declaration at
// least as long is overwritten in place, padded with the spaces XML allows
// before "?>": replacing it by a shorter one would move the whole document.
void declare_utf8(std::string& text, std::size_t start, std::size_t end) {
  const std::size_t length = end - start;
  if (length < kUtf8Declaration.size()) {
    text.replace(start, length, kUtf8Declaration);
    return;
  }
  constexpr std::string_view close = "?>";
  const std::string_view body = kUtf8Declaration.substr(0, kUtf8Declaration.size() - close.size());
  char* out = text.data() + start;
  out = std::copy(body.begin(), body.end(), out);
  out = std::fill_n(out, length - kUtf8Declaration.size(), ' ');
  std::copy(close.begin(), close.end(), out);
}

// The document as it goes to the XML parser: the C0 controls no XML
// document may contain left out, and its XML declaration (if any) made to
// say UTF-8, since that is what the bytes are now. Converted text is edited
// in its own buffer.
std::string finish_document(std::string&& text) {
  if (has_forbidden_control(text)) std::erase_if(text, is_forbidden_control);
  if (const auto span = declaration_span(text)) declare_utf8(text, span->first, span->second);
  return std::move(text);
}

// The same for text still in the caller's bytes: one copy when there is no
// such control, the usual case.
std::string finish_document(std::string_view text) {
  if (has_forbidden_control(text)) return finish_document(std::string(text));
  std::string out;
  out.reserve(text.size() + 8);
  if (const auto span = declaration_span(text)) {
    out.append(text.substr(0, span->first));
    out.append(kUtf8Declaration);
    text.remove_prefix(span->second);
  }
  out.append(text);
  return out;
}

// `utf8`, decoded from doc.encoding, with its C1 controls read as what they
// stand for in that charset's Windows sibling (c1_controls.hpp).
std::string with_c1_meant(std::string&& utf8, DecodedDocument& doc) {
  const C1Meanings* meanings = c1_meanings(doc.encoding);
  if (meanings == nullptr) return std::move(utf8);
  bool remapped = false;
  std::string out = remap_c1_controls(std::move(utf8), *meanings, &remapped);
  if (remapped) doc.c1_read_as = meanings->code_page;
  return out;
}

// Counts valid multi-byte sequences and invalid bytes: text that is mostly
// invalid as UTF-8 was written in the web's default single-byte charset.
// Where valid characters are more, the text is UTF-8 with windows-1252
// mixed in: a byte pair of windows-1252 text is rarely valid UTF-8 (an
// accented capital before a symbol: "Fuß“"). A tie is read as windows-1252,
// as the reference parser reads any text that is not UTF-8.
bool looks_like_windows_1252(std::string_view bytes) {
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) {
      ++invalid;
      ++i;
    } else {
      valid_multibyte += len > 1 ? 1 : 0;
      i += len;
    }
  }
  return invalid > 0 && invalid >= valid_multibyte;
}

// What the byte at bytes[i], which starts no UTF-8 character, most likely
// is: windows-1252's punctuation (’ “ – …, its 0x80-0x9F), or its letter
// where one touches an ASCII letter ("na\xEFve"); nullopt for a byte that
// looks like no text (a lone 0xFF among Chinese), which becomes U+FFFD.
std::optional<char32_t> windows_1252_text(std::string_view bytes, std::size_t i) {
  const char32_t cp = windows_1252_meant(static_cast<unsigned char>(bytes[i]));
  if (cp < 0xA0) return std::nullopt;  // one of the five bytes windows-1252 leaves undefined
  if (cp > 0xFF) return cp;            // punctuation
  const bool letter = cp >= 0xC0 && cp != 0xD7 && cp != 0xF7;
  const bool touches_letter = (i > 0 && ascii_alpha(bytes[i - 1])) ||
                              (i + 1 < bytes.size() && ascii_alpha(bytes[i + 1]));
  return letter && touches_letter ? std::optional(cp) : std::nullopt;
}

// `bytes` with its UTF-8 characters kept and each byte that starts none
// replaced by the character `read_byte(i)` makes of bytes[i].
template <typename ReadByte>
std::string with_stray_bytes_read(std::string_view bytes, ReadByte read_byte) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t len = utf8_sequence_length(bytes, i);
    if (len != 0) {
      out.append(bytes.substr(i, len));
      i += len;
      continue;
    }
    text_detail::append_utf8(out, read_byte(i++));
  }
  return out;
}

// UTF-8 text with bytes of windows-1252 text among its characters: what a
// page made of UTF-8 templates and text from an older database is. Sets
// *mixed when a byte was read as windows-1252, *replaced when one became U+FFFD.
std::string utf8_with_windows_1252_bytes(std::string_view bytes, bool* mixed, bool* replaced) {
  return with_stray_bytes_read(bytes, [&](std::size_t i) {
    const std::optional<char32_t> cp = windows_1252_text(bytes, i);
    *(cp ? mixed : replaced) = true;
    return cp.value_or(U'\uFFFD');
  });
}

// The names iconv may know a label by, the label as written first: Python's
// codec spellings ("koi8_t") with '-' for '_', a bare code page number
// ("1251", a Python alias) as CP1251, and the IANA "csIBM858" as IBM858.
std::vector<std::string> spellings(const std::string& key, const std::string& dashed) {
  std::vector<std::string> names{upper_ascii(key)};
  if (dashed != key) names.push_back(upper_ascii(dashed));
  if (!key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    names.push_back("CP" + key);
  }
  if (key.starts_with("csibm")) names.push_back(upper_ascii(key.substr(2)));
  return names;
}

// What follows "encoding =" in the XML declaration, to the declaration's
// end (its quoted label first); nullopt when there is none.
std::optional<std::string_view> encoding_value(std::string_view bytes) {
  const std::size_t start = declaration_start(bytes);
  if (start == std::string_view::npos || bytes.substr(start, 5) != "<?xml") return std::nullopt;
  const std::size_t end = bytes.find("?>", start);
  const std::string_view decl = bytes.substr(start, end == std::string_view::npos ? 200 : end - start);
  const std::size_t key = decl.find("encoding");
  if (key == std::string_view::npos) return std::nullopt;
  const std::string_view rest = trim(decl.substr(key + 8));
  if (rest.empty() || rest.front() != '=') return std::nullopt;
  return trim(rest.substr(1));
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
#if defined(FEEDSIEVE_UTF8_BLOCKS)
  if (encoding_detail::have_utf8_blocks()) return encoding_detail::valid_utf8_blocks(bytes);
#endif
  for (std::size_t i = 0; i < bytes.size();) {
    i += encoding_detail::ascii_prefix(bytes.data() + i, bytes.size() - i);
    // Then a run of non-ASCII characters, checked without going back to the
    // word-wide ASCII scan between them: CJK text is all such runs.
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) >= 0x80) {
      const std::size_t len = utf8_sequence_length(bytes, i);
      if (len == 0) return false;
      i += len;
    }
  }
  return true;
}

bool is_seven_bit_text(std::string_view charset, std::string_view bytes) {
  const bool seven_bit = charset.find("2022") != std::string_view::npos || charset.starts_with("UTF-7") ||
                         charset.starts_with("UTF7");
  return seven_bit && encoding_detail::ascii_prefix(bytes.data(), bytes.size()) == bytes.size();
}

std::string repair_utf8(std::string_view bytes, bool* replaced) {
  return with_stray_bytes_read(bytes, [&](std::size_t) {
    if (replaced != nullptr) *replaced = true;
    return U'\uFFFD';
  });
}

std::string charset_from_content_type(std::string_view content_type) {
  const std::string lowered = ascii_lower(content_type);
  std::size_t pos = 0;
  while ((pos = lowered.find("charset", pos)) != std::string::npos) {
    std::string_view rest = std::string_view(lowered).substr(pos + 7);
    pos += 7;
    rest = trim(rest);
    if (rest.empty() || rest.front() != '=') continue;
    rest = trim(rest.substr(1));
    if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) {
      const char quote = rest.front();
      rest.remove_prefix(1);
      return std::string(rest.substr(0, rest.find(quote)));
    }
    return std::string(trim(rest.substr(0, rest.find_first_of("; \t"))));
  }
  return {};
}

std::string xml_declared_encoding(std::string_view bytes) {
  const std::optional<std::string_view> value = encoding_value(bytes);
  if (!value) return {};
  std::string_view rest = *value;
  if (rest.empty() || (rest.front() != '"' && rest.front() != '\'')) return {};
  const char quote = rest.front();
  rest.remove_prefix(1);
  const std::size_t close = rest.find(quote);
  if (close == std::string_view::npos) return {};
  return std::string(trim(rest.substr(0, close)));
}

std::string iconv_charset_name(std::string_view declared) {
  const std::string_view label = trim(declared);
  if (const auto charset = encoding_detail::charset_of_label(label)) return std::string(*charset);
  const std::string key = ascii_lower(label);
  // Python spells its codecs with '_' where the registered names have '-' ("koi8_t").
  std::string dashed = key;
  std::replace(dashed.begin(), dashed.end(), '_', '-');
  const std::vector<std::string> names = spellings(key, dashed);
  if (names.size() > 1) {
    for (const std::string& name : names) {
      if (encoding_detail::IconvToUtf8(name).ok()) return name;
    }
  }
  return names.front();
}

std::string convert_to_utf8(std::string_view bytes, std::string_view charset, bool* replaced) {
  // Most non-UTF-8 feeds are in a single-byte charset, and most of the rest in
  // a CJK multi-byte one: a table is several times faster than iconv.
  if (const auto table = encoding_detail::single_byte_table(std::string(charset))) {
    return encoding_detail::decode_single_byte(bytes, *table, replaced);
  }
  if (const auto* table = encoding_detail::double_byte_table(charset)) {
    return encoding_detail::decode_double_byte(bytes, *table, replaced);
  }
  if (charset == "UTF-16LE" || charset == "UTF-16BE") {
    return encoding_detail::decode_utf16(bytes, charset == "UTF-16BE", replaced);
  }
  return encoding_detail::convert_through_iconv(bytes, charset, replaced);
}

namespace encoding_detail {

std::string convert_through_iconv(std::string_view bytes, std::string_view charset, bool* replaced) {
  const IconvToUtf8 cd{std::string(charset)};
  if (!cd.ok()) throw std::invalid_argument("unknown charset " + std::string(charset));
  const std::size_t unit = code_unit_size(charset);
  // iconv writes straight into the result, which grows when iconv says E2BIG.
  std::string out(bytes.size() * 2 + 16, '\0');
  std::size_t written = 0;
  // iconv's API takes char** for its input although it never writes through it.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  const auto append = [&](std::string_view piece) {
    if (out.size() - written < piece.size()) out.resize(out.size() * 2 + piece.size());
    out.replace(written, piece.size(), piece);
    written += piece.size();
  };
  while (true) {
    char* out_ptr = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t rc = iconv(cd.get(), in_left > 0 ? &in : nullptr, &in_left, &out_ptr, &out_left);
    const int error = rc == static_cast<std::size_t>(-1) ? errno : 0;
    written = out.size() - out_left;
    if (error == 0) {
      if (in_left == 0) break;
      continue;
    }
    if (error == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ (invalid) or EINVAL (truncated at the end): one replacement, then go on.
    append(kReplacement);
    if (replaced != nullptr) *replaced = true;
    const std::size_t skip = std::min(error == EINVAL ? in_left : unit, in_left);
    in += skip;
    in_left -= skip;
    cd.reset();
    if (in_left == 0) break;
  }
  out.resize(written);
  return out;
}

}  // namespace encoding_detail

namespace {

// `text` converted from `charset`, or "" when iconv does not know the charset.
std::string read_as(std::string_view text, const std::string& charset) {
  try {
    return convert_to_utf8(text, charset);
  } catch (const std::invalid_argument&) {
    return std::string();
  }
}

bool is_ebcdic_page(const std::string& charset) { return read_as(kEbcdicDeclarationStart, charset) == "<?xm"; }

// EBCDIC's line end, NL (0x15), decodes to U+0085, which XML 1.0 does not
// take for a line end (XML 1.1 does, 2.11): a line broken inside a tag would
// make the document ill-formed. In UTF-8, C2 85 is always that character.
void read_nel_as_newline(std::string& utf8) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\xC2' && i + 1 < utf8.size() && utf8[i + 1] == '\x85') {
      utf8[out++] = '\n';
      ++i;
    } else {
      utf8[out++] = utf8[i];
    }
  }
  utf8.resize(out);
}

// The iconv name of the EBCDIC page `bytes` (which start with
// kEbcdicDeclarationStart) are in: the HTTP charset, else the declared one,
// when it reads the first bytes as "<?xm" too; else IBM037. An ASCII label on
// EBCDIC bytes is a lie, as a 16-bit one on 8-bit bytes is.
// The label of an EBCDIC document's declaration, read in IBM037: whatever
// stands for its quotes, since pages disagree on '"' (IBM1026 has it at 0xFC,
// where IBM037 has 'U' with umlaut). The label is what lies between them.
std::string ebcdic_declared_label(std::string_view head) {
  const std::optional<std::string_view> value = encoding_value(head);
  if (!value) return {};
  const std::string_view rest = *value;
  const auto label_char = [](char c) { return ascii_alnum(c) || c == '-' || c == '_' || c == '.' || c == ':'; };
  const auto start = std::find_if(rest.begin(), rest.end(), label_char);
  return std::string(start, std::find_if_not(start, rest.end(), label_char));
}

std::string ebcdic_charset(std::string_view bytes, std::string_view content_type) {
  const std::string fallback(kEbcdicFallback);
  const std::string head = read_as(bytes.substr(0, 256), fallback);
  for (const std::string& label : {charset_from_content_type(content_type), ebcdic_declared_label(head)}) {
    if (label.empty()) continue;
    std::string charset = iconv_charset_name(label);
    if (is_ebcdic_page(charset)) return charset;
  }
  return fallback;
}

}  // namespace

DecodedDocument decode_xml_document(std::string_view bytes, std::string_view content_type) {
  DecodedDocument doc;
  std::string charset;
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) {
      charset = bom.charset;
      bytes.remove_prefix(bom.bytes.size());
      break;
    }
  }
  std::optional<bool> valid;  // is_valid_utf8(bytes), computed once when first asked
  const auto valid_utf8 = [&] {
    if (!valid) valid = is_valid_utf8(bytes);
    return *valid;
  };
  if (charset.empty()) charset = sniff_wide_charset(bytes);
  if (charset.empty() && bytes.starts_with(kEbcdicDeclarationStart)) charset = ebcdic_charset(bytes, content_type);
  if (charset.empty()) {
    // An ASCII-compatible document: the HTTP charset wins over the declaration (RFC 7303).
    std::string declared = charset_from_content_type(content_type);
    if (declared.empty()) declared = xml_declared_encoding(bytes);
    charset = declared.empty() ? "UTF-8" : iconv_charset_name(declared);
    // A 16/32-bit label on 8-bit bytes is a lie; so is any label on bytes
    // that are already UTF-8, but for a 7-bit charset's ASCII text.
    if (code_unit_size(charset) != 1 || (valid_utf8() && !is_seven_bit_text(charset, bytes))) charset = "UTF-8";
  }
  std::string converted;
  if (charset != "UTF-8") {
    try {
      converted = convert_to_utf8(bytes, charset, &doc.replaced_invalid);
      doc.encoding = charset;
      // An EBCDIC document starts with its '<', 0x4C: asking the charset costs
      // a conversion, which every other document is spared.
      if (bytes.starts_with('\x4C') && is_ebcdic_page(charset)) read_nel_as_newline(converted);
    } catch (const std::invalid_argument&) {
      doc.unknown_charset = true;
      charset = "UTF-8";
    }
  }
  if (charset == "UTF-8") {
    doc.encoding = "UTF-8";
    if (valid_utf8()) {  // the common case: no conversion at all, one copy
      doc.utf8 = with_c1_meant(finish_document(bytes), doc);
      return doc;
    }
    // Bytes said to be UTF-8 that are not: a legacy charset, unlabelled or
    // mislabelled. Chinese, Japanese, Cyrillic... text is told by its
    // statistics; the rest is the common windows-1252 lie, whole or mixed
    // into UTF-8 text.
    if (auto guess = decode_as_guessed_non_latin(bytes)) {
      doc.encoding = std::move(guess->charset);
      doc.charset_guessed = true;
      doc.replaced_invalid = guess->replaced_invalid;
      converted = std::move(guess->utf8);
    } else if (looks_like_windows_1252(bytes)) {
      doc.encoding = "WINDOWS-1252";
      doc.charset_guessed = true;
      converted = convert_to_utf8(bytes, doc.encoding, &doc.replaced_invalid);
    } else {
      converted = utf8_with_windows_1252_bytes(bytes, &doc.mixed_windows_1252, &doc.replaced_invalid);
    }
  }
  doc.utf8 = with_c1_meant(finish_document(std::move(converted)), doc);
  return doc;
}

}  // namespace feedsieve
