// The block validator against the byte scan of utf8_sequence_length, which
// is the definition the parser uses: on every short sequence of the bytes
// that matter (leads, the edges of the continuation ranges, ASCII) at every
// position around a block boundary, and on random and mutated text.
#include <catch2/catch.hpp>
#include <utf8proc.h>

#include <array>
#include <random>
#include <string>
#include <vector>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/utf8_blocks.hpp"

namespace {

using namespace feedsieve;

bool scalar_valid(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

void check(const std::string& bytes) {
  CAPTURE(bytes);
  REQUIRE(is_valid_utf8(bytes) == scalar_valid(bytes));
}

// Bytes where the rules change: ASCII, continuation range edges, every lead class.
const std::vector<unsigned char> kEdges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                           0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5,
                                           0xF8, 0xFF};

std::string encode(char32_t cp) {
  std::array<utf8proc_uint8_t, 4> bytes{};
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes.data());
  return std::string(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(n));
}

}  // namespace

TEST_CASE("utf8 blocks: every four-byte run of edge bytes, at every offset around a block boundary",
          "[encoding][utf8]") {
  if (!encoding_detail::have_utf8_blocks()) SUCCEED("no SSSE3: the scalar loop is the only one");
  for (const std::size_t offset : {0u, 11u, 12u, 13u, 14u, 15u, 16u, 28u, 29u, 30u, 31u}) {
    for (const unsigned char a : kEdges) {
      for (const unsigned char b : kEdges) {
        for (const unsigned char c : kEdges) {
          for (const unsigned char d : {0x41, 0x80, 0x90, 0xA0, 0xBF, 0xC0}) {
            std::string bytes(offset, 'x');
            bytes += static_cast<char>(a);
            bytes += static_cast<char>(b);
            bytes += static_cast<char>(c);
            bytes += static_cast<char>(d);
            check(bytes);
            check(bytes.substr(0, offset + 3));  // cut off at the end
            check(bytes + std::string(20, 'y'));
          }
        }
      }
    }
  }
}

TEST_CASE("utf8 blocks: random text of every character width, valid and mutated", "[encoding][utf8]") {
  std::mt19937 rng(20261201);
  const auto pick = [&](std::uint32_t n) { return std::uniform_int_distribution<std::uint32_t>(0, n - 1)(rng); };
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::uint32_t characters = pick(60);
    for (std::uint32_t k = 0; k < characters; ++k) {
      static constexpr char32_t kTops[] = {0x80, 0x800, 0xD800, 0x10000, 0x110000};
      char32_t cp = pick(kTops[pick(5)]);
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xE000;
      text += encode(cp);
    }
    check(text);
    if (text.empty()) continue;
    std::string mutated = text;
    mutated[pick(static_cast<std::uint32_t>(mutated.size()))] = static_cast<char>(kEdges[pick(kEdges.size())]);
    check(mutated);
    check(text.substr(0, pick(static_cast<std::uint32_t>(text.size()))));
  }
  for (int round = 0; round < 20000; ++round) {
    std::string noise(pick(70), '\0');
    for (char& c : noise) c = static_cast<char>(pick(256));
    check(noise);
  }
}
