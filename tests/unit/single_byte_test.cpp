// The table decoder of single-byte charsets against iconv itself: every byte
// value, and random documents, must come out byte for byte as iconv converts
// them (with U+FFFD for the bytes iconv rejects).
#include <catch2/catch.hpp>

#include <iconv.h>

#include <random>
#include <string>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/single_byte.hpp"

namespace {

using namespace feedsieve;

// iconv one character at a time, U+FFFD for a byte it rejects: the reference.
std::string iconv_reference(const std::string& bytes, const std::string& charset, bool& replaced) {
  const iconv_t cd = iconv_open("UTF-8", charset.c_str());
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out;
  for (const char c : bytes) {
    char in_byte = c;
    char* in = &in_byte;
    std::size_t in_left = 1;
    char buffer[16];
    char* dst = buffer;
    std::size_t out_left = sizeof buffer;
    if (iconv(cd, &in, &in_left, &dst, &out_left) == static_cast<std::size_t>(-1)) {
      out += "\xEF\xBF\xBD";
      replaced = true;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    } else {
      out.append(buffer, sizeof buffer - out_left);
    }
  }
  iconv_close(cd);
  return out;
}

}  // namespace

TEST_CASE("single-byte tables convert as iconv does", "[encoding]") {
  std::mt19937 rng(7);
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
  for (const std::string charset : {"WINDOWS-1252", "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1253", "WINDOWS-1254",
                                    "WINDOWS-1256", "WINDOWS-1257", "WINDOWS-874", "ISO-8859-2", "ISO-8859-5",
                                    "ISO-8859-7", "ISO-8859-8", "ISO-8859-15", "KOI8-R", "KOI8-U", "MACINTOSH",
                                    "IBM866"}) {
    CAPTURE(charset);
    const auto table = encoding_detail::single_byte_table(charset);
    REQUIRE(table);
    std::string random_doc = "<?xml version=\"1.0\"?><rss>";
    for (int i = 0; i < 4000; ++i) {
      const auto r = rng();
      random_doc += static_cast<char>(r % 3 == 0 ? 0x80 + (r >> 8) % 128 : 0x20 + (r >> 8) % 95);
    }
    for (const std::string& input : {all_bytes, random_doc}) {
      bool expected_replaced = false;
      bool replaced = false;
      const std::string expected = iconv_reference(input, charset, expected_replaced);
      CHECK(encoding_detail::decode_single_byte(input, *table, &replaced) == expected);
      CHECK(replaced == expected_replaced);
      bool via_convert = false;
      CHECK(convert_to_utf8(input, charset, &via_convert) == expected);
      CHECK(via_convert == expected_replaced);
    }
  }
}

TEST_CASE("charsets that are not one stateless byte a character keep iconv", "[encoding]") {
  for (const std::string charset : {"UTF-8", "GB18030", "CP932", "BIG5-HKSCS", "CP949", "EUC-JP", "WINDOWS-1255",
                                    "WINDOWS-1258", "UTF-16LE", "NO-SUCH-CHARSET", "ISO-8859-99"}) {
    CAPTURE(charset);
    CHECK_FALSE(encoding_detail::single_byte_table(charset));
  }
}
