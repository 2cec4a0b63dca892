// collapse_whitespace works on UTF-8 bytes and treats as whitespace what
// Unicode calls White_Space, apart from the zero-width characters (U+200B,
// U+FEFF are not White_Space: turning them into spaces would split words that
// authors only marked as break opportunities). Invalid UTF-8 passes through.
#include "feeds/text/byte_set.hpp"
#include "feeds/text/collapsing_appender.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve {
namespace {

// Length in bytes of the whitespace character at text[i], or 0.
std::size_t whitespace_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  const unsigned b0 = byte(0);
  if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0D)) return 1;
  if (b0 == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;  // NEL, NBSP
  if (b0 == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;    // U+1680
  if (b0 == 0xE2 && byte(1) == 0x80) {
    const unsigned b2 = byte(2);
    // U+2000..U+200A, U+2028, U+2029, U+202F
    if ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) return 3;
  }
  if (b0 == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
  if (b0 == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  return 0;
}

// Whether a whitespace character (as whitespace_length sees them) can start with this byte.
bool may_start_whitespace(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b == ' ' || (b >= 0x09 && b <= 0x0D) || b == 0xC2 || (b >= 0xE1 && b <= 0xE3);
}

// A space between two characters that are not whitespace is the collapsed
// form already: a run goes on through it and is copied in one append, instead
// of one append a word.
bool lone_space(std::string_view text, std::size_t i) {
  return text[i] == ' ' && i + 1 < text.size() && !may_start_whitespace(text[i + 1]);
}

// The first position at or after `from` whose byte may start whitespace,
// other than a lone space, or text.size(). It may stop early, at any byte up
// to 0x20 or a lead byte of U+2000..U+3000: a stop only splits the run being
// copied, and the caller checks the byte again.
std::size_t next_candidate(std::string_view text, std::size_t from) {
#if defined(__SSE2__)
  const __m128i blank = _mm_set1_epi8(0x20);
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i e1 = _mm_set1_epi8(static_cast<char>(0xE1));
  const __m128i two = _mm_set1_epi8(2);
  const auto may_start = [&](__m128i v) {
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, blank), v);  // v <= 0x20
    const __m128i lead = _mm_sub_epi8(v, e1);
    const __m128i e1_to_e3 = _mm_cmpeq_epi8(_mm_min_epu8(lead, two), lead);
    return _mm_or_si128(_mm_or_si128(low, _mm_cmpeq_epi8(v, c2)), e1_to_e3);
  };
  from = first_hit16(text, from, [&](__m128i v) {
    // Each byte's successor; the last lane gets a zero, which may start
    // whitespace, so a space there stops (early, which is allowed).
    const __m128i next = _mm_srli_si128(v, 1);
    const __m128i lone = _mm_andnot_si128(may_start(next), _mm_cmpeq_epi8(v, blank));
    return _mm_andnot_si128(lone, may_start(v));
  });
#endif
  while (from < text.size() && (!may_start_whitespace(text[from]) || lone_space(text, from))) ++from;
  return from;
}

}  // namespace

namespace text_detail {

void CollapsingAppender::append(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = whitespace_length(text, i)) {
      space();
      i += n;
      continue;
    }
    // Copy a run of bytes that cannot start whitespace at once, not a byte at a time.
    const std::size_t end = next_candidate(text, i + 1);
    if (pending_space_) out_ += ' ';
    pending_space_ = false;
    out_.append(text, i, end - i);
    i = end;
  }
}

}  // namespace text_detail

std::string collapse_whitespace(std::string_view text) {
  text_detail::CollapsingAppender out;
  out.reserve(text.size());
  out.append(text);
  return out.take();
}

}  // namespace feedsieve
