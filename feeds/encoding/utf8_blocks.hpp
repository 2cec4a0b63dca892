#pragma once
// UTF-8 validation sixteen bytes at a time, without a branch per character:
// the lookup algorithm of Keiser and Lemire ("Validating UTF-8 in less than
// one instruction per byte", 2021). The byte scan that utf8_sequence_length
// drives mispredicts at every switch between ASCII and other characters,
// which Latin, Cyrillic and CJK text does all the time.
//
// Three table lookups on nibbles (of the previous byte and this one) flag
// every error that shows in two consecutive bytes: too short, too long,
// overlong, surrogate, above U+10FFFF, a continuation without a lead. A
// third or fourth byte is checked against the lead two or three bytes back.
// Needs SSSE3 (pshufb), asked of the CPU at run time: callers fall back to
// the scalar loop without it. tests/unit/utf8_blocks_test.cpp holds it to
// utf8_sequence_length on generated and random input.
#include <cstddef>
#include <cstring>
#include <string_view>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define FEEDSIEVE_UTF8_BLOCKS 1
#endif

namespace feedsieve::encoding_detail {

#if defined(FEEDSIEVE_UTF8_BLOCKS)

inline bool have_utf8_blocks() { return __builtin_cpu_supports("ssse3"); }

namespace utf8_blocks {

// Error classes; a lane's three lookups are and-ed, so an error shows where
// all three agree on it.
constexpr char kTooShort = 1 << 0;   // a lead byte, then no continuation
constexpr char kTooLong = 1 << 1;    // ASCII, then a continuation
constexpr char kOverlong3 = 1 << 2;  // E0 80..9F
constexpr char kTooLarge = 1 << 3;   // F4 90..BF, F5..FF
constexpr char kSurrogate = 1 << 4;  // ED A0..BF
constexpr char kOverlong2 = 1 << 5;  // C0, C1
constexpr char kTooLarge1000 = 1 << 6;
constexpr char kOverlong4 = 1 << 6;  // F0 80..8F
constexpr char kTwoConts = static_cast<char>(1 << 7);  // two continuations: fine only after a 3/4-byte lead
constexpr char kCarry = kTooShort | kTooLong | kTwoConts;

__attribute__((target("ssse3"))) inline __m128i lookup(__m128i nibbles, __m128i table) {
  return _mm_shuffle_epi8(table, nibbles);
}

// The error lanes of `input`, given the sixteen bytes before it.
__attribute__((target("ssse3"))) inline __m128i block_errors(__m128i input, __m128i previous) {
  const __m128i low_nibble = _mm_set1_epi8(0x0F);
  const __m128i prev1 = _mm_alignr_epi8(input, previous, 15);
  const __m128i byte_1_high = lookup(
      _mm_and_si128(_mm_srli_epi16(prev1, 4), low_nibble),
      _mm_setr_epi8(kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTwoConts,
                    kTwoConts, kTwoConts, kTwoConts, kTooShort | kOverlong2, kTooShort,
                    kTooShort | kOverlong3 | kSurrogate, kTooShort | kTooLarge | kTooLarge1000 | kOverlong4));
  const __m128i byte_1_low = lookup(
      _mm_and_si128(prev1, low_nibble),
      _mm_setr_epi8(kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2, kCarry, kCarry,
                    kCarry | kTooLarge, kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
                    kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
                    kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
                    kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
                    kCarry | kTooLarge | kTooLarge1000 | kSurrogate, kCarry | kTooLarge | kTooLarge1000,
                    kCarry | kTooLarge | kTooLarge1000));
  const __m128i byte_2_high = lookup(
      _mm_and_si128(_mm_srli_epi16(input, 4), low_nibble),
      _mm_setr_epi8(kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
                    kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4,
                    kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge,
                    kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge,
                    kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge, kTooShort, kTooShort, kTooShort,
                    kTooShort));
  const __m128i special = _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
  // A continuation two bytes after an E0..FF lead, or three after F0..FF,
  // is where kTwoConts (0x80) is expected: exactly those lanes must have it.
  const __m128i prev2 = _mm_alignr_epi8(input, previous, 14);
  const __m128i prev3 = _mm_alignr_epi8(input, previous, 13);
  const __m128i third = _mm_subs_epu8(prev2, _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m128i fourth = _mm_subs_epu8(prev3, _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m128i must_be_2_3_continuation = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
  return _mm_xor_si128(special, must_be_2_3_continuation);
}

// One block into `errors`; `previous` becomes `input`. Only an ASCII block
// after an ASCII byte is known clean without the lookups.
template <typename Extra>
__attribute__((target("ssse3"))) inline void check_block(__m128i input, __m128i& previous, __m128i& errors,
                                                          Extra& extra) {
  errors = _mm_or_si128(errors, extra(input, previous));
  if (_mm_movemask_epi8(_mm_or_si128(input, _mm_srli_si128(previous, 15))) != 0) {
    errors = _mm_or_si128(errors, block_errors(input, previous));
  }
  previous = input;
}

__attribute__((target("ssse3"))) inline bool clean(__m128i errors) {
  return _mm_movemask_epi8(_mm_cmpeq_epi8(errors, _mm_setzero_si128())) == 0xFFFF;
}

}  // namespace utf8_blocks

// Whether `bytes` is well-formed UTF-8 and `extra` finds nothing: extra(input,
// previous) gives further error lanes (non-zero) of a block, given the block
// before it (zeros before the first). The last block is padded with
// spaces, which makes a sequence cut off at the end too short (and passes
// any test of `extra` for controls).
template <typename Extra>
__attribute__((target("ssse3"))) bool valid_utf8_blocks(std::string_view bytes, Extra extra) {
  __m128i previous = _mm_setzero_si128();
  __m128i errors = _mm_setzero_si128();
  std::size_t i = 0;
  for (; i + 16 <= bytes.size(); i += 16) {
    utf8_blocks::check_block(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i)), previous, errors,
                             extra);
    if ((i & 0x3F0) == 0x3F0 && !utf8_blocks::clean(errors)) return false;  // an early answer every kilobyte
  }
  char tail[16];
  std::memset(tail, ' ', sizeof tail);
  if (i < bytes.size()) std::memcpy(tail, bytes.data() + i, bytes.size() - i);
  utf8_blocks::check_block(_mm_loadu_si128(reinterpret_cast<const __m128i*>(tail)), previous, errors, extra);
  return utf8_blocks::clean(errors);
}

// Well-formed UTF-8, nothing more asked.
__attribute__((target("ssse3"))) inline bool valid_utf8_blocks(std::string_view bytes) {
  return valid_utf8_blocks(bytes, [](__m128i, __m128i) { return _mm_setzero_si128(); });
}

#else

inline bool have_utf8_blocks() { return false; }

#endif

}  // namespace feedsieve::encoding_detail
