// URL policy for sanitized HTML: an allowlist of schemes, not a blocklist of
// bad ones, so javascript:, vbscript:, livescript:, file: and anything new are
// all dropped by the same rule.
//
// The scheme is judged the way a browser would read it: all ASCII control
// characters and spaces are removed first ("java\tscript:" is javascript: to
// a browser), and character references are decoded once more on top of
// gumbo's decoding, so a doubly escaped "&#106;avascript:" cannot pass either.
// data: is allowed only for raster images on img src; SVG is excluded because
// it can carry script.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "feeds/text/ascii.hpp"
#include "feeds/text/byte_set.hpp"
#include "feeds/text/url_policy.hpp"
#include "feeds/text/utf8_append.hpp"

namespace feedsieve::text_detail {
namespace {

// Numeric references and the named ones that matter in a scheme.
std::string decode_references(std::string_view text) {
  constexpr std::array<std::pair<std::string_view, char>, 4> kNamed = {
      {{"colon;", ':'}, {"tab;", '\t'}, {"newline;", '\n'}, {"nbsp;", ' '}}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '#') {
      const bool hex = j + 1 < text.size() && (text[j + 1] == 'x' || text[j + 1] == 'X');
      j += hex ? 2 : 1;
      std::uint32_t cp = 0;
      const std::size_t digits_start = j;
      while (j < text.size() && std::isxdigit(static_cast<unsigned char>(text[j])) &&
             (hex || std::isdigit(static_cast<unsigned char>(text[j]))) && cp <= 0x10FFFF) {
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(text[j]))
                                                                   ? text[j] - '0'
                                                                   : std::tolower(static_cast<unsigned char>(text[j])) - 'a' + 10);
        ++j;
      }
      if (j > digits_start && cp <= 0x10FFFF) {
        append_utf8(out, cp);
        i = (j < text.size() && text[j] == ';') ? j : j - 1;
        continue;
      }
    } else {
      bool matched = false;
      for (const auto& [name, c] : kNamed) {
        if (ascii_lower(text.substr(j, name.size())) == name) {
          out += c;
          i = j + name.size() - 1;
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    out += '&';
  }
  return out;
}

// What a browser keeps of the text before it looks for a scheme.
std::string compact(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u != 0x7F) out += c;
  }
  return out;
}

// Where a URL's scheme (or its first segment) ends. A ByteSet, not
// find_first_of, which calls memchr on the set for every byte of the URL.
constexpr ByteSet kSchemeEnd(":/?#");

// The scheme as written, or "" for a relative reference; `colon` is set when
// the first segment ends in ':' all the same (a near-miss such as
// "\uFFFDjavascript:").
std::string_view scheme_of(std::string_view url, bool* colon = nullptr) {
  // The first segment ends within a few bytes ("https:", "/post").
  const std::size_t end = kSchemeEnd.find_near(url);
  const bool has_colon = end != url.size() && url[end] == ':';
  if (colon != nullptr) *colon = has_colon;
  if (!has_colon || end == 0) return {};
  if (!ascii_alpha(url[0])) return {};
  for (std::size_t i = 1; i < end; ++i) {
    if (!scheme_char(url[i])) return {};
  }
  return url.substr(0, end);
}

// Whether `scheme` is `lower` in any case: no lower-cased copy of every scheme.
bool scheme_is(std::string_view scheme, std::string_view lower) {
  if (scheme.size() != lower.size()) return false;
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (ascii_lower(scheme[i]) != lower[i]) return false;
  }
  return true;
}

bool scheme_allowed(std::string_view scheme, UrlUse use) {
  if (scheme.empty() || scheme_is(scheme, "http") || scheme_is(scheme, "https")) return true;
  return use == UrlUse::link && (scheme_is(scheme, "mailto") || scheme_is(scheme, "ftp") || scheme_is(scheme, "tel"));
}

bool is_raster_data_image(std::string_view compacted) {
  const std::string head = ascii_lower(compacted.substr(0, 16));
  for (const std::string_view type : {"png", "gif", "jpeg", "jpg", "webp"}) {
    const std::string prefix = "data:image/" + std::string(type);
    if (head.starts_with(prefix) && head.size() > prefix.size() && (head[prefix.size()] == ';' || head[prefix.size()] == ',')) {
      return true;
    }
  }
  return false;
}

// What compact() removes (controls, space, DEL), and the '&' decode_references() looks for.
constexpr ByteSet kNotCompact(std::string_view("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F"
                                               "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F"
                                               "\x20\x7F&",
                                               35));

// True when compact() and decode_references() would return `text` unchanged
// (no space, control or '&'): the usual link, judged without copies.
bool is_compact(std::string_view text) {
#if defined(__SSE2__)
  // Sixteen bytes at a time: a link is a few dozen bytes, every one of which
  // was a loop turn. The rest of a link of sixteen bytes or more is the last
  // sixteen, read again in part.
  const __m128i blank = _mm_set1_epi8(0x20);
  const auto odd_bytes = [&](__m128i v) {
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, blank), v);  // v <= 0x20
    const __m128i odd = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
    return _mm_or_si128(low, odd);
  };
  const std::size_t stop = first_hit16(text, 0, odd_bytes);
  if (stop + 16 <= text.size()) return false;  // a hit, not the end
  if (text.size() >= 16) {
    const __m128i last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + text.size() - 16));
    return _mm_movemask_epi8(odd_bytes(last)) == 0;
  }
#endif
  return std::none_of(text.begin(), text.end(), [](char c) { return kNotCompact.contains(c); });
}

// compact(text), without a copy when it changes nothing.
std::string_view compacted_view(std::string_view text, std::string& storage) {
  if (is_compact(text)) return text;
  storage = compact(text);
  return storage;
}

}  // namespace

std::optional<std::string> safe_url(std::string_view value, const BaseUrl& base, UrlUse use) {
  const bool plain = is_compact(value);
  std::string compacted_storage;
  const std::string_view compacted = plain ? value : compacted_view(value, compacted_storage);
  std::string decoded_storage;
  if (!plain) decoded_storage = compact(decode_references(compacted));
  const std::string_view scheme = scheme_of(plain ? value : std::string_view(decoded_storage));
  if (scheme_is(scheme, "data")) {
    if (use == UrlUse::image && is_raster_data_image(compacted)) return std::string(compacted);
    return std::nullopt;
  }
  if (!scheme_allowed(scheme, use) || compacted.empty()) return std::nullopt;
  // A compact absolute link resolves to itself (it has no blank to trim), and
  // its scheme was judged above: the usual link needs nothing more.
  if (plain && !scheme.empty()) return std::string(value);
  std::string resolved = base.resolve(value);
  // The base decides the scheme of a relative reference: judge the result too.
  std::string result_storage;
  bool colon = false;
  const std::string_view result_scheme = scheme_of(compacted_view(resolved, result_storage), &colon);
  if (!scheme_allowed(result_scheme, use)) return std::nullopt;
  // A ':' in the first segment without a valid scheme before it ("\uFFFDjavascript:")
  // is not a link anyone means; keep no such near-miss.
  if (colon && result_scheme.empty()) return std::nullopt;
  return resolved;
}

bool link_allowed(std::string_view url) {
  static const BaseUrl kNoBase("");
  return safe_url(url, kNoBase, UrlUse::link).has_value();
}

std::optional<std::string> safe_srcset(std::string_view value, const BaseUrl& base) {
  std::string out;
  std::size_t i = 0;
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (i < value.size()) {
    while (i < value.size() && (is_space(value[i]) || value[i] == ',')) ++i;
    const std::size_t url_start = i;
    while (i < value.size() && !is_space(value[i])) ++i;
    std::string_view url = value.substr(url_start, i - url_start);
    std::string_view descriptor;
    if (!url.empty() && url.back() == ',') {
      while (!url.empty() && url.back() == ',') url.remove_suffix(1);
    } else {
      const std::size_t desc_start = i;
      while (i < value.size() && value[i] != ',') ++i;
      descriptor = value.substr(desc_start, i - desc_start);
      while (!descriptor.empty() && is_space(descriptor.front())) descriptor.remove_prefix(1);
      while (!descriptor.empty() && is_space(descriptor.back())) descriptor.remove_suffix(1);
    }
    if (url.empty()) continue;
    const auto safe = safe_url(url, base, UrlUse::media);
    if (!safe) continue;
    if (!out.empty()) out += ", ";
    out += *safe;
    if (!descriptor.empty()) (out += ' ') += descriptor;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace feedsieve::text_detail
