// scan_simple_html: a tokenizer and a stack, both far stricter than HTML.
//
// Why the accepted subset builds the same tree in an HTML5 parser (fragment
// in a <div>, "in body" insertion mode):
// - phrasing elements (a, b, em, span...) only ever hold phrasing content
//   here, and every one is closed by its own end tag while it is the current
//   node, so the adoption agency and the reconstruction of active formatting
//   elements never change anything; a nested <a> is refused, as it would
//   close the outer one;
// - block elements (p, div, lists, headings...) are refused inside p,
//   headings and phrasing elements, so no start tag ever closes an open <p>
//   or heading implicitly; <li> only opens directly in <ul>/<ol>, so it never
//   closes another <li>;
// - <pre>, <listing> and <textarea> (which drop a leading newline), tables
//   (foster parenting), <dd>/<dt>/<rt>/<rp> (implied ends), raw-text and
//   foreign elements are simply not on the list;
// - references are decoded only when HTML decodes them the same way in text
//   and in attributes: terminated by ';', a known name or a code point that
//   HTML keeps as it is.
#include "feeds/text/simple_html.hpp"

#include <boost/container/small_vector.hpp>
#include <boost/container/static_vector.hpp>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <optional>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/surrogates.hpp"
#include "feeds/encoding/utf8_blocks.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/text/byte_set.hpp"
#include "feeds/text/html_entities.hpp"
#include "feeds/text/name_hash.hpp"
#include "feeds/text/utf8_append.hpp"

namespace feedsieve::text_detail {
namespace {

// Deep enough for any real description, far below the nesting cap before gumbo.
constexpr std::size_t kMaxDepth = 64;
// More than any real tag carries.
constexpr std::size_t kMaxAttributes = 32;

constexpr ByteSet kTextStops("<&>");
constexpr ByteSet kDoubleQuotedStops("\"&");
constexpr ByteSet kSingleQuotedStops("'&");
constexpr ByteSet kAttributeNameBytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:.");

enum class Kind { refused, phrasing, phrasing_void, block, block_void, list, list_item, closes_blocks };

Kind kind_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI: case GUMBO_TAG_BDO:
    case GUMBO_TAG_BIG: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DEL: case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_INS: case GUMBO_TAG_KBD: case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q: case GUMBO_TAG_S: case GUMBO_TAG_SAMP: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT: case GUMBO_TAG_U: case GUMBO_TAG_VAR:
      return Kind::phrasing;
    case GUMBO_TAG_BR: case GUMBO_TAG_IMG: case GUMBO_TAG_WBR:
      return Kind::phrasing_void;
    case GUMBO_TAG_DIV: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CENTER:
      return Kind::block;
    case GUMBO_TAG_HR:
      return Kind::block_void;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL:
      return Kind::list;
    case GUMBO_TAG_LI:
      return Kind::list_item;
    // Blocks that may hold only phrasing content here.
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return Kind::closes_blocks;
    default:
      return Kind::refused;
  }
}

// The tags kind_of knows, found by their name as written (any case): one
// hash of a name of at most ten letters instead of gumbo_tagn_enum over all
// of HTML's tags, for every start and end tag. Built once from gumbo's names.
class KnownTags {
 public:
  struct Known {
    GumboTag tag;
    Kind kind;
  };

  KnownTags() {
    for (unsigned t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
      const auto tag = static_cast<GumboTag>(t);
      const Kind kind = kind_of(tag);
      const std::string_view name = gumbo_normalized_tagname(tag);
      if (kind == Kind::refused || name.size() > kLongest) continue;
      std::size_t slot = name_hash(name) & (kSlots - 1);
      while (slots_[slot].name_size != 0) slot = (slot + 1) & (kSlots - 1);
      Slot& s = slots_[slot];
      std::copy(name.begin(), name.end(), s.name.begin());
      s.name_size = static_cast<std::uint8_t>(name.size());
      s.known = {tag, kind};
    }
  }

  // {GUMBO_TAG_UNKNOWN, Kind::refused} for a name that is none of ours.
  Known find(std::string_view written) const {
    constexpr Known kNone{GUMBO_TAG_UNKNOWN, Kind::refused};
    if (written.size() > kLongest) return kNone;
    Key lower{};
    for (std::size_t i = 0; i < written.size(); ++i) lower[i] = ascii_lower(written[i]);
    const std::string_view name(lower.data(), written.size());
    for (std::size_t slot = name_hash(name) & (kSlots - 1); slots_[slot].name_size != 0; slot = (slot + 1) & (kSlots - 1)) {
      const Slot& s = slots_[slot];
      // Whole zero-padded keys: a compare of fixed size is two word loads,
      // where one of the name's length was a call to memcmp for every tag.
      if (std::memcmp(s.name.data(), lower.data(), sizeof(Key)) == 0) return s.known;
    }
    return kNone;
  }

 private:
  static constexpr std::size_t kLongest = 10;  // blockquote, figcaption
  static constexpr std::size_t kSlots = 256;   // a power of two, several times the tags
  using Key = std::array<char, 16>;            // a name, lower-case, zero-padded

  struct Slot {
    Key name{};
    std::uint8_t name_size = 0;  // 0 for an empty slot
    Known known{GUMBO_TAG_UNKNOWN, Kind::refused};
  };
  std::array<Slot, kSlots> slots_{};
};

const KnownTags& known_tags() {
  static const KnownTags kTags;
  return kTags;
}

bool is_void(Kind kind) { return kind == Kind::phrasing_void || kind == Kind::block_void; }
bool is_block(Kind kind) { return kind != Kind::phrasing && kind != Kind::phrasing_void; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// Bytes HTML changes or complains about before tokenizing: C0 controls other
// than tab and newline (CR is normalized, NUL replaced), DEL, C1 controls,
// invalid UTF-8, a leading byte order mark.

// One character at html[i], ASCII or not; false when HTML would change it.
// HTML's parser turns a noncharacter into U+FFFD, so text holding one is
// left to gumbo: U+FDD0..U+FDEF (EF B7 90..AF), and any character ending in
// BF BE or BF BF, which takes U+xFFFE and U+xFFFF of every plane (and a few
// rare characters with them, U+0FFE, U+1FFE..., which gumbo keeps as they are).
bool noncharacter_tail(std::string_view character) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(character[k]); };
  const std::size_t n = character.size();
  if (n == 3 && byte(0) == 0xEF && byte(1) == 0xB7 && byte(2) >= 0x90 && byte(2) <= 0xAF) return true;
  return n >= 3 && byte(n - 2) == 0xBF && byte(n - 1) >= 0xBE;
}

bool plain_character(std::string_view html, std::size_t& i) {
  const auto c = static_cast<unsigned char>(html[i]);
  if (c < 0x80) {
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return false;
    ++i;
    return true;
  }
  const std::size_t length = utf8_sequence_length(html, i);
  if (length == 0) return false;
  if (c == 0xC2 && static_cast<unsigned char>(html[i + 1]) < 0xA0) return false;
  if (noncharacter_tail(html.substr(i, length))) return false;
  i += length;
  return true;
}

// The first position at or after `from` that is not printable ASCII, tab or
// newline (a control, DEL, or any byte of a multi-byte character), or where
// fewer than sixteen bytes are left.
#if defined(__SSE2__)
std::size_t skip_printable(std::string_view html, std::size_t from) {
  const __m128i space = _mm_set1_epi8(0x1F);
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i newline = _mm_set1_epi8('\n');
  return first_hit16(html, from, [&](__m128i v) {
    // As signed bytes, 0x80 and above are negative and fail the first test.
    const __m128i printable = _mm_andnot_si128(_mm_cmpeq_epi8(v, del), _mm_cmpgt_epi8(v, space));
    const __m128i ok = _mm_or_si128(printable, _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, newline)));
    return _mm_xor_si128(ok, _mm_cmpeq_epi8(v, v));  // not ok
  });
}
#else
std::size_t skip_printable(std::string_view html, std::size_t from) {
  using Bytes16 = signed char __attribute__((vector_size(16)));
  while (from + sizeof(Bytes16) <= html.size()) {
    Bytes16 v;
    std::memcpy(&v, html.data() + from, sizeof v);
    const Bytes16 ok = ((v > 0x1F) & (v != 0x7F)) | (v == '\t') | (v == '\n');  // -1 in each plain lane
    std::uint64_t halves[2];
    std::memcpy(halves, &ok, sizeof halves);
    if ((halves[0] & halves[1]) != ~0ull) return from;
    from += sizeof(Bytes16);
  }
  return from;
}
#endif

#if defined(FEEDSIEVE_UTF8_BLOCKS)
// What plain_character refuses on top of invalid UTF-8, sixteen lanes at a
// time: controls, DEL, C1 controls (C2 80..C2 9F) and the noncharacter
// tails of noncharacter_tail; `previous` is the block before `v`. Always
// inlined: as a call of its own from the SSSE3 block loop (whose target
// differs) it was a tenth of the scanner's time.
__attribute__((target("ssse3"), always_inline)) inline __m128i unplain_lanes(__m128i v, __m128i previous) {
  const __m128i prev1 = _mm_alignr_epi8(v, previous, 15);
  const __m128i prev2 = _mm_alignr_epi8(v, previous, 14);
  const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);  // v < 0x20
  const __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
  const __m128i control = _mm_or_si128(_mm_andnot_si128(allowed, low), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
  const __m128i below_a0 = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(static_cast<char>(0x9F))), v);
  const __m128i c1 = _mm_and_si128(_mm_cmpeq_epi8(prev1, _mm_set1_epi8(static_cast<char>(0xC2))), below_a0);
  const __m128i after_bf = _mm_cmpeq_epi8(prev1, _mm_set1_epi8(static_cast<char>(0xBF)));
  const __m128i be_or_bf = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(static_cast<char>(0xBE))), v);  // v >= 0xBE
  const __m128i from_90 = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0x90)));
  const __m128i in_90_af = _mm_cmpeq_epi8(_mm_min_epu8(from_90, _mm_set1_epi8(0x1F)), from_90);  // 0x90 <= v <= 0xAF
  const __m128i after_ef_b7 = _mm_and_si128(_mm_cmpeq_epi8(prev2, _mm_set1_epi8(static_cast<char>(0xEF))),
                                            _mm_cmpeq_epi8(prev1, _mm_set1_epi8(static_cast<char>(0xB7))));
  const __m128i noncharacter = _mm_or_si128(_mm_and_si128(after_bf, be_or_bf), _mm_and_si128(after_ef_b7, in_90_af));
  return _mm_or_si128(_mm_or_si128(control, c1), noncharacter);
}
#endif

bool plain_bytes(std::string_view html) {
  if (html.starts_with("\xEF\xBB\xBF")) return false;
#if defined(FEEDSIEVE_UTF8_BLOCKS)
  if (encoding_detail::have_utf8_blocks()) {
    // A lambda, not the function's address, so that the check is inlined into the loop.
    return encoding_detail::valid_utf8_blocks(
        html, [](__m128i v, __m128i previous) __attribute__((target("ssse3"), always_inline)) { return unplain_lanes(v, previous); });
  }
#endif
  std::size_t i = 0;
  while (i < html.size()) {
    i = skip_printable(html, i);
    // The next sixteen bytes or so a character at a time, before trying the
    // stride again: retrying it after every character of a CJK or Cyrillic
    // run cost more than the characters.
    const std::size_t stop = std::min(html.size(), i + 16);
    while (i < stop) {
      if (!plain_character(html, i)) return false;
    }
  }
  return true;
}

// Code points a numeric reference yields unchanged in HTML: no NUL, controls,
// surrogates, noncharacters, windows-1252 remapping or out-of-range values.
bool kept_code_point(std::uint32_t cp) {
  if (cp == '\t' || cp == '\n') return true;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return false;
  if (is_surrogate(cp)) return false;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  if ((cp & 0xFFFE) == 0xFFFE) return false;
  return cp <= 0x10FFFF;
}

std::optional<std::uint32_t> numeric_reference(std::string_view digits, bool hex) {
  if (digits.empty() || digits.size() > (hex ? 6u : 7u)) return std::nullopt;
  std::uint32_t cp = 0;
  for (const char c : digits) {
    const std::uint32_t d = is_digit(c) ? static_cast<std::uint32_t>(c - '0')
                                        : static_cast<std::uint32_t>(ascii_lower(c) - 'a' + 10);
    cp = cp * (hex ? 16 : 10) + d;
  }
  if (!kept_code_point(cp)) return std::nullopt;
  return cp;
}

// The five references XML predefines, which the HTML table leaves out, by
// length first; 0 for any other name.
char xml_predefined(std::string_view name) {
  switch (name.size()) {
    case 2:
      if (name[1] != 't') return 0;
      return name[0] == 'l' ? '<' : name[0] == 'g' ? '>' : 0;
    case 3:
      return name == "amp" ? '&' : 0;
    case 4:
      return name == "quot" ? '"' : name == "apos" ? '\'' : 0;
    default:
      return 0;
  }
}

// Decodes the reference at in[i] == '&', appending to `out` and moving i past
// its ';'. False when HTML might read it any other way. A '&' that no name or
// '#' follows ("fish & chips", a trailing '&') starts no reference in HTML, in
// text and attribute values alike, and stays as it is.
bool decode_reference(std::string_view in, std::size_t& i, std::string& out) {
  std::size_t j = i + 1;
  if (j == in.size() || (!is_alnum(in[j]) && in[j] != '#')) {
    out += '&';
    i = j;
    return true;
  }
  const bool numeric = j < in.size() && in[j] == '#';
  const bool hex = numeric && j + 1 < in.size() && (in[j + 1] == 'x' || in[j + 1] == 'X');
  j += numeric ? (hex ? 2 : 1) : 0;
  const std::size_t name_start = j;
  const auto name_char = [&](char c) { return numeric ? (hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : is_digit(c)) : is_alnum(c); };
  while (j < in.size() && j - name_start <= 32 && name_char(in[j])) ++j;
  if (j >= in.size() || in[j] != ';' || j == name_start) return false;
  const std::string_view name = in.substr(name_start, j - name_start);
  if (numeric) {
    const auto cp = numeric_reference(name, hex);
    if (!cp) return false;
    append_utf8(out, *cp);
  } else if (const char xml = xml_predefined(name)) {
    out += xml;
  } else {
    const auto cps = html_entity_code_points(name);
    if (!cps) return false;
    // lang and rang keep their XHTML 1.0 values in that table (no other name
    // has them); HTML5 changed them.
    if (cps->first == 0x2329 || cps->first == 0x232A) return false;
    append_utf8(out, cps->first);
    if (cps->second != 0) append_utf8(out, cps->second);
  }
  i = j + 1;
  return true;
}

bool needs_escaping(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return kTextStops.contains(c); });
}

class Scanner {
 public:
  Scanner(std::string_view html, SimpleHtmlSink& sink) : in_(html), sink_(sink) {}

  bool run() {
    while (i_ < in_.size()) {
      const char c = in_[i_];
      bool ok = true;
      if (c == '<') {
        ok = tag();
      } else if (c == '&') {
        scratch_.clear();
        ok = decode_reference(in_, i_, scratch_);
        // Most references (&nbsp;, &mdash;, &#8217;) need no escaping again.
        if (ok) needs_escaping(scratch_) ? sink_.text(scratch_) : sink_.verbatim(scratch_);
      } else if (c == '>') {
        sink_.text(in_.substr(i_++, 1));
      } else {
        const std::size_t next = kTextStops.find_in(in_, i_);
        sink_.verbatim(in_.substr(i_, next - i_));
        i_ = next;
      }
      if (!ok) return false;
    }
    return open_.empty();
  }

 private:
  // The tag name at i_, as written; empty when it is none of ours.
  std::string_view tag_name() {
    const std::size_t start = i_;
    while (i_ < in_.size() && is_alnum(in_[i_])) ++i_;
    const std::string_view name = in_.substr(start, i_ - start);
    return !name.empty() && is_alpha(name.front()) ? name : std::string_view{};
  }

  bool tag() {
    ++i_;
    const bool closing = i_ < in_.size() && in_[i_] == '/';
    if (closing) ++i_;
    const std::string_view name = tag_name();
    if (name.empty()) return false;
    // Any case, as in HTML.
    const auto [tag, kind] = known_tags().find(name);
    if (kind == Kind::refused) return false;
    return closing ? end_tag(tag) : start_tag(tag, kind);
  }

  bool end_tag(GumboTag tag) {
    if (i_ >= in_.size() || in_[i_] != '>' || open_.empty() || open_.back().tag != tag) return false;
    ++i_;
    open_.pop_back();
    sink_.end(tag);
    return true;
  }

  bool start_tag(GumboTag tag, Kind kind) {
    bool self_closing = false;
    if (!attributes(self_closing)) return false;
    if (self_closing && !is_void(kind)) return false;  // HTML ignores the slash there: leave it to gumbo
    if (!allowed_here(tag, kind)) return false;
    sink_.start(tag, std::span<const HtmlAttribute>(attributes_.data(), count_));
    if (is_void(kind)) {
      sink_.end(tag);
    } else {
      if (open_.size() >= kMaxDepth) return false;
      open_.push_back({tag, kind});
    }
    return true;
  }

  bool allowed_here(GumboTag tag, Kind kind) const {
    const Kind parent = open_.empty() ? Kind::block : open_.back().kind;
    if (kind == Kind::list_item) return parent == Kind::list;
    if (is_block(kind)) return parent != Kind::phrasing && parent != Kind::closes_blocks;
    if (tag == GUMBO_TAG_A) {
      for (const Open& o : open_) {
        if (o.tag == GUMBO_TAG_A) return false;
      }
    }
    return true;
  }

  // Attributes up to and including '>'; sets self_closing for "/>".
  bool attributes(bool& self_closing) {
    count_ = 0;
    for (;;) {
      if (i_ >= in_.size()) return false;
      const char c = in_[i_];
      if (c == '>') {
        ++i_;
        return true;
      }
      if (c == '/') {
        if (i_ + 1 >= in_.size() || in_[i_ + 1] != '>') return false;
        self_closing = true;
        i_ += 2;
        return true;
      }
      if (!is_space(c)) return false;  // attributes must be separated by whitespace
      while (i_ < in_.size() && is_space(in_[i_])) ++i_;
      if (i_ < in_.size() && is_alpha(in_[i_]) && !attribute()) return false;
    }
  }

  bool attribute() {
    // Each is checked against all before it: a tag of thousands goes to gumbo, whose input is capped.
    if (count_ == kMaxAttributes) return false;
    if (count_ == attributes_.size()) attributes_.emplace_back();
    HtmlAttribute& a = attributes_[count_];
    a.value.clear();
    const std::size_t start = i_;
    while (i_ < in_.size() && kAttributeNameBytes.contains(in_[i_])) ++i_;
    a.name.assign(in_, start, i_ - start);
    for (char& c : a.name) c = ascii_lower(c);  // in the reused buffer
    for (std::size_t k = 0; k < count_; ++k) {
      if (attributes_[k].name == a.name) return false;  // HTML keeps the first: leave it to gumbo
    }
    ++count_;
    if (i_ >= in_.size()) return false;
    if (in_[i_] != '=') return is_space(in_[i_]) || in_[i_] == '>' || in_[i_] == '/';
    ++i_;
    if (i_ >= in_.size() || (in_[i_] != '"' && in_[i_] != '\'')) return false;  // unquoted
    const char quote = in_[i_++];
    const ByteSet& stops = quote == '"' ? kDoubleQuotedStops : kSingleQuotedStops;
    while (i_ < in_.size() && in_[i_] != quote) {
      if (in_[i_] == '&') {
        if (!decode_reference(in_, i_, a.value)) return false;
        continue;
      }
      const std::size_t stop = stops.find_in(in_, i_);
      a.value.append(in_, i_, stop - i_);
      i_ = stop;
    }
    if (i_ >= in_.size()) return false;
    ++i_;  // the closing quote
    return i_ < in_.size() && (is_space(in_[i_]) || in_[i_] == '>' || in_[i_] == '/');
  }

  struct Open {
    GumboTag tag;
    Kind kind;
  };

  std::string_view in_;
  std::size_t i_ = 0;
  SimpleHtmlSink& sink_;
  boost::container::static_vector<Open, kMaxDepth> open_;  // on the stack: no allocation per fragment
  // Reused from tag to tag; the first count_ are the current ones. On the
  // stack up to a few: a fragment's first attribute cost an allocation.
  boost::container::small_vector<HtmlAttribute, 4> attributes_;
  std::size_t count_ = 0;
  std::string scratch_;
};

}  // namespace

bool scan_simple_html(std::string_view html, SimpleHtmlSink& sink) {
  if (!plain_bytes(html)) return false;
  return Scanner(html, sink).run();
}

}  // namespace feedsieve::text_detail
