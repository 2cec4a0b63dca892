#pragma once
// Finding the next of a few bytes in text. std::string_view::find_first_of
// calls memchr on the set once for every byte of the text, which made it the
// hottest function of the parser; a 256-entry table costs one load a byte,
// and for a set of at most four bytes (every set the parser uses) eight bytes
// are ruled out at once first, with the usual has-a-zero-byte test (sixteen
// with SSE2 compares).
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace feedsieve {

#if defined(__SSE2__)
// The shell every sixteen-bytes-at-a-time scan of the text code shares:
// `hits` maps sixteen loaded bytes to a compare result (0xFF in each lane
// wanted). Returns the position of the first wanted byte at or after `from`,
// or, when there is none, the position where fewer than sixteen bytes are
// left: the caller looks at those itself.
template <typename Hits>
std::size_t first_hit16(std::string_view text, std::size_t from, Hits hits) {
  while (from + 16 <= text.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits(v)));
    if (mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(mask));
    from += 16;
  }
  return from;
}
#endif

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (const char c : bytes) {
      table_[static_cast<unsigned char>(c)] = true;
      if (count_ < members_.size()) members_[count_] = static_cast<unsigned char>(c) * kOnes;
      ++count_;
    }
  }

  constexpr bool contains(char c) const { return table_[static_cast<unsigned char>(c)]; }

  // The position of the first byte of `text` at or after `from` that is in
  // the set; text.size() when there is none (not npos: callers take a length).
  std::size_t find_in(std::string_view text, std::size_t from = 0) const {
    if (count_ <= members_.size()) {
#if defined(__SSE2__)
      from = find16(text, from);
#endif
      while (from + sizeof(std::uint64_t) <= text.size() && !word_has_member(text.data() + from)) {
        from += sizeof(std::uint64_t);
      }
    }
    return find_near(text, from);
  }

  // The same search a byte at a time, for a byte expected within the first
  // few: find_in's sixteen-byte search costs more to set up than that.
  constexpr std::size_t find_near(std::string_view text, std::size_t from = 0) const {
    while (from < text.size() && !contains(text[from])) ++from;
    return from;
  }

 private:
#if defined(__SSE2__)
  // Sixteen bytes at a time up to the first member, or to the last full
  // sixteen bytes before the end (the caller looks at the rest).
  std::size_t find16(std::string_view text, std::size_t from) const {
    __m128i splat[4];  // not std::array: it would drop __m128i's alignment attribute
    for (std::size_t k = 0; k < count_; ++k) splat[k] = _mm_set1_epi8(static_cast<char>(members_[k] & 0xFF));
    return first_hit16(text, from, [&](__m128i v) {
      __m128i hit = _mm_setzero_si128();
      for (std::size_t k = 0; k < count_; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, splat[k]));
      return hit;
    });
  }
#endif

  static constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  static constexpr std::uint64_t kHigh = 0x8080808080808080ull;

  // Whether any of the eight bytes at p is a member (exact, no false alarms).
  bool word_has_member(const char* p) const {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    std::uint64_t found = 0;
    for (std::size_t k = 0; k < count_; ++k) {
      const std::uint64_t x = word ^ members_[k];  // a zero byte where the member is
      found |= (x - kOnes) & ~x & kHigh;
    }
    return found != 0;
  }

  std::array<bool, 256> table_{};
  std::array<std::uint64_t, 4> members_{};  // each member repeated in all eight bytes
  std::size_t count_ = 0;
};

}  // namespace feedsieve
