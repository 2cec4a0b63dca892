// UTF-16 feeds decoded by hand: iconv goes through UCS-4 a code unit at a
// time, and opening a descriptor costs more than decoding a typical feed when
// documents alternate between charsets (glibc reloads charset modules).
#include "feeds/encoding/utf16.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstdint>
#include <cstring>

#include "feeds/encoding/conversion.hpp"
#include "feeds/encoding/surrogates.hpp"

namespace feedsieve::encoding_detail {
namespace {

// Writes the UTF-8 of `cp` at `out`; returns the end.
char* put_utf8(char* out, std::uint32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

#if defined(__SSE2__)
// Eight code units at p (sixteen bytes) written as eight ASCII bytes at dst
// when all are below U+0080; false, and nothing written, when one is not.
// Twice the stride of the word test below, and one store instead of a byte
// each: the markup of a UTF-16 feed is all such runs.
bool ascii_units8(const char* p, bool big_endian, char* dst) {
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  if (big_endian) v = _mm_or_si128(_mm_srli_epi16(v, 8), _mm_slli_epi16(v, 8));
  const __m128i high = _mm_and_si128(v, _mm_set1_epi16(static_cast<short>(0xFF80)));
  if (_mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128())) != 0xFFFF) return false;
  _mm_storel_epi64(reinterpret_cast<__m128i*>(dst), _mm_packus_epi16(v, v));
  return true;
}
#endif

}  // namespace

std::string decode_utf16(std::string_view bytes, bool big_endian, bool* replaced) {
  const auto unit_at = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? static_cast<std::uint32_t>(a << 8 | b) : static_cast<std::uint32_t>(b << 8 | a);
  };
  // Four code units below U+0080 at once: the high byte of each is zero and the low one has no high bit.
  // The masks name byte positions of a word loaded in little-endian order.
  static_assert(std::endian::native == std::endian::little);
  const std::uint64_t not_ascii = big_endian ? 0x80FF80FF80FF80FFull : 0xFF80FF80FF80FF80ull;
  const std::size_t low_byte = big_endian ? 1 : 0;
  // A code unit gives at most three bytes (a pair four for two units), U+FFFD three for one or more.
  std::string out(bytes.size() / 2 * 3 + kReplacement.size(), '\0');
  char* dst = out.data();
  const auto replace = [&] {
    for (const char c : kReplacement) *dst++ = c;
    if (replaced != nullptr) *replaced = true;
  };
  std::size_t i = 0;
  while (i + 2 <= bytes.size()) {
#if defined(__SSE2__)
    if (i + 16 <= bytes.size() && ascii_units8(bytes.data() + i, big_endian, dst)) {
      dst += 8;
      i += 16;
      continue;
    }
#endif
    std::uint64_t word = not_ascii;
    if (i + sizeof word <= bytes.size()) std::memcpy(&word, bytes.data() + i, sizeof word);
    if ((word & not_ascii) == 0) {
      for (std::size_t k = 0; k < 4; ++k) *dst++ = bytes[i + 2 * k + low_byte];
      i += sizeof word;
      continue;
    }
    const std::uint32_t u = unit_at(i);
    if (is_low_surrogate(u)) {
      replace();
      i += 2;
    } else if (!is_high_surrogate(u)) {
      dst = put_utf8(dst, u);
      i += 2;
    } else if (i + 4 > bytes.size()) {
      break;  // a pair cut off by the end: the tail below
    } else if (const std::uint32_t low = unit_at(i + 2); is_low_surrogate(low)) {
      dst = put_utf8(dst, surrogate_pair_value(u, low));
      i += 4;
    } else {
      replace();  // a high surrogate without its low half; what follows is read on its own
      i += 2;
    }
  }
  if (i < bytes.size()) replace();  // an odd byte or half a pair at the end
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return out;
}

}  // namespace feedsieve::encoding_detail
