// feeds/text/byte_set.hpp: ByteSet::find_in is the plain "first byte of the
// set at or after `from`" whatever the text's length and alignment, for sets
// that take the wide scans (up to four bytes) and for larger ones.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>

#include "feeds/text/byte_set.hpp"

namespace {

std::size_t naive_find(std::string_view set, std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (set.find(text[i]) != std::string_view::npos) return i;
  }
  return text.size();
}

}  // namespace

TEST_CASE("ByteSet::find_in finds the first member at or after a position", "[text]") {
  static constexpr std::string_view kSets[] = {"<", "<&", "&<>", "&<>\"", "\"'&<>", "\x80\xFF"};
  const std::string alphabet = std::string("abc xyz<&>\"'\n") + '\0' + "\x80\xC3\xFF";
  std::mt19937 rng(7);
  for (const std::string_view members : kSets) {
    const feedsieve::ByteSet set(members);
    for (int round = 0; round < 400; ++round) {
      std::string text;
      const std::size_t length = rng() % 80;
      // Mostly plain bytes, so that the wide scans have runs to skip.
      for (std::size_t i = 0; i < length; ++i) text += rng() % 8 == 0 ? alphabet[rng() % alphabet.size()] : 'q';
      CAPTURE(members, text);
      for (std::size_t from = 0; from <= text.size(); ++from) {
        REQUIRE(set.find_in(text, from) == naive_find(members, text, from));
      }
    }
  }
}
