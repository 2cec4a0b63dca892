// The tables of the CJK multi-byte charsets against iconv itself: random
// strings, mostly well-formed sequences with broken ones among them, must come
// out of convert_to_utf8 byte for byte as iconv's own loop converts them,
// U+FFFD replacements and the replaced flag included.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/conversion.hpp"
#include "feeds/encoding/double_byte.hpp"

namespace {

using namespace feedsieve;

struct ByteRange {
  unsigned char low;
  unsigned char high;
};
using Pattern = std::vector<ByteRange>;  // one byte range per byte of a sequence

// The shapes of each charset's multi-byte sequences (most of them characters):
// what the random strings are built from.
struct Shape {
  const char* charset;
  std::vector<Pattern> patterns;
};

const std::vector<Shape>& shapes() {
  static const std::vector<Shape> kShapes{
      {"CP932", {{{0x81, 0x9f}, {0x40, 0xfc}}, {{0xe0, 0xfc}, {0x40, 0xfc}}, {{0xa1, 0xdf}}}},
      {"GB18030",
       {{{0x81, 0xfe}, {0x40, 0xfe}},
        {{0x81, 0x84}, {0x30, 0x39}, {0x81, 0xfe}, {0x30, 0x39}},
        {{0x90, 0xe3}, {0x30, 0x39}, {0x81, 0xfe}, {0x30, 0x39}},
        {{0x81, 0xfe}, {0x30, 0x39}, {0x20, 0xff}, {0x20, 0xff}}}},
      {"BIG5-HKSCS", {{{0xa1, 0xf9}, {0x40, 0x7e}}, {{0x81, 0xfe}, {0xa1, 0xfe}}, {{0x88, 0x88}, {0x62, 0xa5}}}},
      {"CP949", {{{0xb0, 0xc8}, {0xa1, 0xfe}}, {{0x81, 0xc6}, {0x41, 0xfe}}, {{0xa2, 0xa2}, {0xe6, 0xe8}}}},
      {"EUC-JP",
       {{{0xa1, 0xfe}, {0xa1, 0xfe}}, {{0x8e, 0x8e}, {0xa1, 0xe0}}, {{0x8f, 0x8f}, {0xa1, 0xfe}, {0xa1, 0xfe}}}},
  };
  return kShapes;
}

class RandomText {
 public:
  RandomText(const Shape& shape, std::uint32_t seed) : shape_(shape), random_(seed) {}

  // Up to `pieces` pieces: well-formed sequences, ASCII, any byte at all, and
  // sequences cut short; now and then the string itself ends mid-sequence.
  std::string next(std::size_t pieces) {
    std::string bytes;
    const std::size_t n = below(pieces + 1);
    for (std::size_t p = 0; p < n; ++p) {
      const std::size_t kind = below(20);
      if (kind < 11) {
        bytes += sequence(pattern(), 4);
      } else if (kind < 14) {
        bytes += static_cast<char>(0x20 + below(0x5f));
      } else if (kind < 17) {
        bytes += static_cast<char>(below(256));
      } else {
        const Pattern& cut = pattern();
        bytes += sequence(cut, 1 + below(cut.size()));
      }
    }
    if (!bytes.empty() && below(8) == 0) bytes.pop_back();
    return bytes;
  }

 private:
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
  const Pattern& pattern() { return shape_.patterns[below(shape_.patterns.size())]; }

  std::string sequence(const Pattern& pattern, std::size_t length) {
    std::string bytes;
    for (std::size_t i = 0; i < pattern.size() && i < length; ++i) {
      bytes += static_cast<char>(pattern[i].low + below(pattern[i].high - pattern[i].low + 1u));
    }
    return bytes;
  }

  const Shape& shape_;
  std::mt19937 random_;
};

struct Outcome {
  std::string text;
  bool replaced = false;
  bool operator==(const Outcome&) const = default;
};

Outcome through_table(const std::string& bytes, const char* charset) {
  Outcome o;
  o.text = convert_to_utf8(bytes, charset, &o.replaced);
  return o;
}

Outcome through_iconv(const std::string& bytes, const char* charset) {
  Outcome o;
  o.text = encoding_detail::convert_through_iconv(bytes, charset, &o.replaced);
  return o;
}

std::string hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : bytes) out += {kDigits[c >> 4], kDigits[c & 15], ' '};
  return out;
}

}  // namespace

TEST_CASE("every CJK charset with a table gets one on this machine", "[encoding]") {
  for (const Shape& shape : shapes()) {
    CAPTURE(shape.charset);
    CHECK(encoding_detail::double_byte_table(shape.charset) != nullptr);
  }
}

TEST_CASE("CJK tables match iconv on random strings, broken ones included", "[encoding]") {
  for (const Shape& shape : shapes()) {
    CAPTURE(shape.charset);
    RandomText text(shape, 17);
    int replacing = 0;
    int clean = 0;
    std::optional<std::string> first_difference;
    for (int round = 0; round < 30'000 && !first_difference; ++round) {
      const std::string bytes = text.next(10);
      const Outcome expected = through_iconv(bytes, shape.charset);
      if (through_table(bytes, shape.charset) != expected) first_difference = hex(bytes);
      ++(expected.replaced ? replacing : clean);
    }
    CHECK(first_difference == std::nullopt);
    CHECK(replacing > 3'000);  // the strings do reach the replacement paths
    CHECK(clean > 3'000);      // and the characters
  }
}

TEST_CASE("CJK tables match iconv on long documents", "[encoding]") {
  // Past the decoder's 4 KiB blocks, with sequences across their edges.
  for (const Shape& shape : shapes()) {
    CAPTURE(shape.charset);
    RandomText text(shape, 29);
    std::string bytes;
    while (bytes.size() < 60'000) bytes += text.next(40);
    CHECK(through_table(bytes, shape.charset) == through_iconv(bytes, shape.charset));
  }
}

TEST_CASE("CJK charsets decode known text", "[encoding]") {
  struct Case {
    const char* charset;
    const char* bytes;
    const char* text;
    bool replaced;
  };
  const Case c = GENERATE(values<Case>({
      {"GB18030", "\xd6\xd0\xce\xc4 \xa2\xe3", "\u4e2d\u6587 \u20ac", false},
      {"GB18030", "\x81\x30\x81\x30\x94\x39\xfc\x36\x95\x32\x82\x36!", "\u0080\U0001F600\U00020000!", false},
      {"GB18030", "a\x81\x30\x81", "a\ufffd", true},              // a four-byte sequence cut short: one U+FFFD
      {"GB18030", "\x81\x30\x20\x30", "\ufffd0 0", true},         // rejected: read again from its second byte
      {"BIG5-HKSCS", "\xc1\x63\xc5\xe9", "\u7e41\u9ad4", false},
      {"BIG5-HKSCS", "\x88\x62", "\u00ca\u0304", false},          // one pair, a letter and its combining mark
      {"CP949", "\xc7\xd1\xb1\xb9\x8c\x63", "\ud55c\uad6d\ub620", false},
      {"CP949", "\xa2\xe8xy", "\ufffdy", true},                   // iconv rejects A2 E8 past it: x is skipped
      {"EUC-JP", "\xc6\xfc\xcb\xdc\x8e\xb1\x8f\xb0\xa1", "\u65e5\u672c\uff71\u4e02", false},
      {"EUC-JP", "\x8f\xb0", "\ufffd", true},                     // cut short at the end
      {"EUC-JP", "\x8f\xb0 ", "\ufffd\ufffd ", true},             // rejected: 8F, then B0 with a space
  }));
  CAPTURE(c.charset, c.bytes);
  bool replaced = false;
  CHECK(convert_to_utf8(c.bytes, c.charset, &replaced) == c.text);
  CHECK(replaced == c.replaced);
}
