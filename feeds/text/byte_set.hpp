#pragma once
// Finding the next of a few bytes in text. std::string_view::find_first_of
// calls memchr on the set once for every byte of the text, which made it the
// hottest function of the parser; a 256-entry table costs one load a byte.
#include <array>
#include <cstddef>
#include <string_view>

namespace feedsieve {

class ByteSet {
 public:
  constexpr explicit ByteSet(std::string_view bytes) {
    for (const char c : bytes) table_[static_cast<unsigned char>(c)] = true;
  }

  constexpr bool contains(char c) const { return table_[static_cast<unsigned char>(c)]; }

  // The position of the first byte of `text` at or after `from` that is in
  // the set; text.size() when there is none (not npos: callers take a length).
  constexpr std::size_t find_in(std::string_view text, std::size_t from = 0) const {
    while (from < text.size() && !contains(text[from])) ++from;
    return from;
  }

 private:
  std::array<bool, 256> table_{};
};

}  // namespace feedsieve
