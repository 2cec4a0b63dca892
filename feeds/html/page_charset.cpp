// Page charset chain. Meta tags are found by a plain scan of the ASCII bytes
// (every charset a meta tag can declare is ASCII-compatible); UTF-16 needs a
// BOM or the HTTP header.
#include "feeds/html/page_charset.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/charset_guess.hpp"
#include "feeds/html/document.hpp"

namespace feedsieve {
namespace {

// The value after "charset" in one lower-cased <meta ...> tag: covers both
// charset="x" and content="text/html; charset=x".
std::string charset_in_meta(std::string_view tag) {
  const auto at = tag.find("charset");
  if (at == std::string_view::npos) return {};
  std::size_t i = at + 7;
  const auto skip = [&](std::string_view chars) {
    while (i < tag.size() && chars.find(tag[i]) != std::string_view::npos) ++i;
  };
  skip(" \t\r\n");
  if (i >= tag.size() || tag[i] != '=') return {};
  ++i;
  skip(" \t\r\n\"'");
  const std::size_t start = i;
  while (i < tag.size() && std::string_view(" \t\r\n\"';>/").find(tag[i]) == std::string_view::npos) ++i;
  return std::string(tag.substr(start, i - start));
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_lower(std::string_view text, std::size_t at, std::string_view lowered) {
  if (text.size() - at < lowered.size()) return false;
  for (std::size_t i = 0; i < lowered.size(); ++i)
    if (ascii_lower(text[at + i]) != lowered[i]) return false;
  return true;
}

// Where the head ends: the first "</head" or "<body", any case; else the end.
std::size_t head_end(std::string_view bytes) {
  for (std::size_t at = bytes.find('<'); at != std::string_view::npos; at = bytes.find('<', at + 1))
    if (starts_with_lower(bytes, at, "</head") || starts_with_lower(bytes, at, "<body")) return at;
  return bytes.size();
}

struct Bom {
  std::string_view bytes;
  std::string_view charset;
};

constexpr Bom kBoms[] = {
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
};

// `valid`: is_valid_utf8(bytes), when the caller knows it already.
DecodedPage as_utf8(std::string_view bytes, std::optional<bool> valid = std::nullopt) {
  DecodedPage page;
  page.encoding = "UTF-8";
  // Most pages are valid UTF-8: validating (ASCII fast path) and copying once
  // is several times cheaper than repairing sequence by sequence.
  page.utf8 = valid.value_or(is_valid_utf8(bytes)) ? std::string(bytes) : repair_utf8(bytes, &page.replaced_invalid);
  return page;
}

DecodedPage converted(std::string_view bytes, std::string_view charset) {
  DecodedPage page;
  page.encoding = std::string(charset);
  page.utf8 = convert_to_utf8(bytes, page.encoding, &page.replaced_invalid);
  return page;
}

// UTF-16/32 declared in a meta tag cannot be true of bytes we could read the
// tag from, so the HTML standard reads those pages as UTF-8.
bool is_wide(std::string_view iconv_name) { return iconv_name.starts_with("UTF-16") || iconv_name.starts_with("UTF-32"); }

// What an HTTP charset of UTF-16 means for a page without a BOM: the HTML
// standard decodes "utf-16" as little-endian. Taken only when the bytes have
// the NULs that markup in UTF-16 is full of; without them the header lies.
std::optional<std::string> transport_wide(std::string_view bytes, const std::string& name) {
  if (!name.starts_with("UTF-16") || bytes.substr(0, 1024).find('\0') == std::string_view::npos) return std::nullopt;
  return name.ends_with("BE") ? "UTF-16BE" : "UTF-16LE";
}

// `from_http`: the charset is the Content-Type header's, not the page's own.
DecodedPage decode_as(std::string_view bytes, const std::string& declared, bool from_http = false) {
  const std::string name = iconv_charset_name(declared);
  if (is_wide(name) && from_http) {
    if (const auto wide = transport_wide(bytes, name)) return converted(bytes, *wide);
  }
  if (name == "UTF-8" || is_wide(name)) return as_utf8(bytes);
  // A page that says latin-1 but is valid UTF-8 with non-ASCII bytes is UTF-8
  // mislabelled (the reverse is practically impossible by chance).
  if (is_valid_utf8(bytes) && !is_seven_bit_text(name, bytes)) return as_utf8(bytes, true);
  DecodedPage page;
  try {
    page.utf8 = convert_to_utf8(bytes, name, &page.replaced_invalid);
    page.encoding = name;
  } catch (const std::invalid_argument&) {
    return as_utf8(bytes);
  }
  return page;
}

}  // namespace

std::string html_declared_charset(std::string_view bytes) {
  // Heads are small; a page without </head> is scanned up to a bound. Only
  // the head is lower-cased: the body is most of the page's bytes.
  constexpr std::size_t kMaxScan = 512 * 1024;
  const std::string head = html::lower(bytes.substr(0, head_end(bytes.substr(0, kMaxScan))));
  const std::string_view scan = head;
  for (std::size_t at = scan.find("<meta"); at != std::string_view::npos; at = scan.find("<meta", at + 5)) {
    const std::size_t close = scan.find('>', at);
    const std::string charset = charset_in_meta(scan.substr(at, close == std::string_view::npos ? close : close - at));
    if (!charset.empty()) return charset;
  }
  return {};
}

DecodedPage decode_html_page(std::string_view bytes, std::string_view content_type) {
  for (const Bom& bom : kBoms) {
    if (!bytes.starts_with(bom.bytes)) continue;
    const std::string_view rest = bytes.substr(bom.bytes.size());
    if (bom.charset == "UTF-8") return as_utf8(rest);
    return converted(rest, bom.charset);
  }
  if (const std::string http = charset_from_content_type(content_type); !http.empty())
    return decode_as(bytes, http, true);
  if (const std::string meta = html_declared_charset(bytes); !meta.empty()) return decode_as(bytes, meta);
  if (is_valid_utf8(bytes)) return as_utf8(bytes, true);
  // Unlabelled legacy bytes: browsers guess from the text, and so do we.
  if (auto guess = decode_as_guessed_non_latin(bytes)) {
    DecodedPage page;
    page.encoding = std::move(guess->charset);
    page.utf8 = std::move(guess->utf8);
    page.replaced_invalid = guess->replaced_invalid;
    return page;
  }
  return decode_as(bytes, "windows-1252");
}

}  // namespace feedsieve
