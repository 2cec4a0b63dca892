// The UTF-16 decoder against iconv driven the way convert_to_utf8 drove it
// (U+FFFD and one code unit skipped on EILSEQ, U+FFFD for an incomplete
// tail): random documents full of surrogates, both byte orders, odd lengths.
#include <catch2/catch.hpp>

#include <iconv.h>

#include <cerrno>
#include <random>
#include <string>

#include "feeds/encoding/utf16.hpp"

namespace {

std::string iconv_reference(const std::string& bytes, const char* charset, bool& replaced) {
  const iconv_t cd = iconv_open("UTF-8", charset);
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out;
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char buffer[4096];
    char* dst = buffer;
    std::size_t out_left = sizeof buffer;
    const bool failed = iconv(cd, &in, &in_left, &dst, &out_left) == static_cast<std::size_t>(-1);
    const int error = failed ? errno : 0;
    out.append(buffer, sizeof buffer - out_left);
    if (!failed || error == E2BIG) continue;
    out += "\xEF\xBF\xBD";
    replaced = true;
    const std::size_t skip = error == EINVAL ? in_left : std::min<std::size_t>(2, in_left);
    in += skip;
    in_left -= skip;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);
  }
  iconv_close(cd);
  return out;
}

}  // namespace

TEST_CASE("UTF-16 decodes as iconv does, broken input included", "[encoding]") {
  std::mt19937 rng(5);
  const std::uint16_t units[] = {'<', 'a', ' ', 0xE9, 0x4E2D, 0xFEFF, 0xFFFE, 0xFFFF, 0x0000,
                                 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00, 0x7F, 0x80, 0x7FF, 0x800};
  for (int round = 0; round < 3000; ++round) {
    for (const bool big_endian : {false, true}) {
      std::string bytes;
      // Every other round mostly ASCII, in runs long enough for the sixteen-byte stride.
      const bool ascii_rich = round % 2 == 1;
      const int n = static_cast<int>(rng() % (ascii_rich ? 48 : 24));
      for (int k = 0; k < n; ++k) {
        const std::uint16_t u = ascii_rich && rng() % 8 != 0 ? static_cast<std::uint16_t>(0x20 + rng() % 0x60)
                                : rng() % 4 == 0         ? static_cast<std::uint16_t>(rng())
                                                         : units[rng() % std::size(units)];
        const char hi = static_cast<char>(u >> 8);
        const char lo = static_cast<char>(u & 0xFF);
        bytes += big_endian ? hi : lo;
        bytes += big_endian ? lo : hi;
      }
      if (rng() % 4 == 0) bytes += static_cast<char>(rng());  // an odd length
      bool expected_replaced = false;
      bool replaced = false;
      const std::string expected = iconv_reference(bytes, big_endian ? "UTF-16BE" : "UTF-16LE", expected_replaced);
      CAPTURE(round, big_endian, bytes.size());
      CHECK(feedsieve::encoding_detail::decode_utf16(bytes, big_endian, &replaced) == expected);
      CHECK(replaced == expected_replaced);
    }
  }
}
