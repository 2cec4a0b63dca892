// The charset chain: BOM, HTTP charset, XML declaration, UTF-16/32 and EBCDIC sniffing, and the web's lies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <tuple>

#include "feeds/encoding/c1_controls.hpp"
#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/latin1_reread.hpp"
#include "feeds/parse/parse.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

TEST_CASE("ISO-8859-1 declared, windows-1252 sent: curly quotes and the euro survive", "[parse][encoding]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("windows-1252-declared-iso-8859-1.xml"));
  CHECK(feed.title == "Caf\u00e9 \u201cquotes\u201d \u2013 \u20ac5");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Na\u00efve \u2014 r\u00e9sum\u00e9");
}

TEST_CASE("bytes that are valid UTF-8 are not converted a second time", "[parse][encoding]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("utf8-declared-windows-1252.xml"));
  CHECK(feed.title == "Caf\u00e9 \u4e2d\u6587");
}

TEST_CASE("a single-quoted encoding declaration is honoured", "[parse][encoding]") {
  CHECK(xml_declared_encoding("<?xml version='1.0' encoding='koi8-r'?><a/>") == "koi8-r");
  CHECK(xml_declared_encoding("<?xml version=\"1.0\" encoding = \"UTF-8\" ?>") == "UTF-8");
  CHECK(xml_declared_encoding("<rss/>").empty());
  const ParsedFeed feed = parse_feed(test::feed_fixture("single-quoted-encoding-koi8-r.xml"));
  CHECK(feed.title == "\u041f\u0440\u0438\u0432\u0435\u0442");
}

TEST_CASE("UTF-16 with a BOM and UTF-32 without one", "[parse][encoding]") {
  const ParsedFeed utf16 = parse_feed(test::feed_fixture("utf-16le-bom.xml"));
  CHECK(utf16.format == FeedFormat::atom10);
  CHECK(utf16.title == "\u00dcn\u00efc\u00f6d\u00e9 \U0001F600");
  REQUIRE(utf16.items.size() == 1);
  CHECK(utf16.items[0].title == "\u4e2d\u6587");
  const ParsedFeed utf32 = parse_feed(test::feed_fixture("utf-32be-no-bom.xml"));
  CHECK(utf32.title == "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac");
}

TEST_CASE("UTF-16 and UTF-32 without a BOM are known by their first '<', after any whitespace", "[parse][encoding]") {
  const std::u32string doc = U"\r\n  <rss version=\"2.0\"><channel><title>\u00dc \u4e2d\U0001F600</title></channel></rss>";
  const auto in_units = [&](std::size_t unit, bool big_endian) {
    std::u32string units;
    for (const char32_t c : doc) {
      if (unit == 2 && c > 0xFFFF) {
        units += static_cast<char32_t>(0xD800 + ((c - 0x10000) >> 10));
        units += static_cast<char32_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
      } else {
        units += c;
      }
    }
    std::string bytes;
    for (const char32_t u : units) {
      for (std::size_t k = 0; k < unit; ++k) {
        const std::size_t shift = 8 * (big_endian ? unit - 1 - k : k);
        bytes += static_cast<char>((u >> shift) & 0xFF);
      }
    }
    return bytes;
  };
  for (const auto& [unit, big_endian, charset] : {std::tuple{2u, false, "UTF-16LE"}, std::tuple{2u, true, "UTF-16BE"},
                                                  std::tuple{4u, false, "UTF-32LE"}, std::tuple{4u, true, "UTF-32BE"}}) {
    INFO(charset);
    const std::string bytes = in_units(unit, big_endian);
    CHECK(decode_xml_document(bytes, "").encoding == charset);
    CHECK(parse_feed(bytes).title == "\u00dc \u4e2d\U0001F600");
  }
}

TEST_CASE("EBCDIC documents are known by their first bytes, their page by its label", "[parse][encoding]") {
  SECTION("the declared page: '[' and '!' are where cp500 has them, not IBM037") {
    const ParsedFeed feed = parse_feed(test::feed_fixture("ebcdic-cp500.xml"));
    CHECK(feed.format == FeedFormat::atom10);
    CHECK(feed.title == "[\u00d8] !");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].title == "Gr\u00fc\u00dfe | \u00ac");
    CHECK(feed.items[0].link == "http://example.com/a?x=1&y=2");
  }
  SECTION("an ASCII label on EBCDIC bytes is a lie: IBM037") {
    const ParsedFeed feed = parse_feed(test::feed_fixture("ebcdic-cp037-declared-utf-8.xml"));
    CHECK(feed.title == "[\u00d8] !");
    CHECK(decode_xml_document(test::feed_fixture("ebcdic-cp037-declared-utf-8.xml"),
                              "").encoding == "IBM037");
  }
  SECTION("a label iconv does not know (Python's ibm039 among them): IBM037") {
    const ParsedFeed unknown = parse_feed(test::feed_fixture("ebcdic-unknown-label.xml"));
    CHECK(unknown.title == "[\u00d8] !");
    CHECK(unknown.warnings.empty());
  }
  SECTION("IBM1026, whose '\"' is IBM037's 'U' with umlaut, is still found by its declaration") {
    const ParsedFeed feed = parse_feed(test::feed_fixture("ebcdic-ibm1026.xml"));
    CHECK(feed.title == "T\u00fcrk\u00e7e \"haber\" #1");
    CHECK(feed.warnings.empty());
  }
  SECTION("NL line ends, inside tags too, are line ends") {
    const ParsedFeed feed = parse_feed(test::feed_fixture("ebcdic-nl-line-ends.xml"));
    CHECK(feed.title == "Line one");
    CHECK(feed.items.size() == 1);
    CHECK(feed.warnings.empty());
  }
  SECTION("the HTTP charset names the page before the declaration does") {
    ParseOptions options;
    options.content_type = "application/atom+xml; charset=IBM037";
    // cp500's '[' (0x4A) is IBM037's cent sign, its ']' (0x5A) IBM037's '!', its '!' (0x4F) IBM037's '|'.
    CHECK(parse_feed(test::feed_fixture("ebcdic-cp500.xml"), options).title == "\u00a2\u00d8! |");
  }
}

TEST_CASE("East Asian legacy charsets", "[parse][encoding]") {
  CHECK(parse_feed(test::feed_fixture("gb2312-declared-chinese.xml")).title == "\u4e2d\u6587\u6807\u9898");
  CHECK(parse_feed(test::feed_fixture("shift_jis-declared-japanese.xml")).title ==
        "\u65e5\u672c\u8a9e\u306e\u30bf\u30a4\u30c8\u30eb");
  CHECK(parse_feed(test::feed_fixture("big5-declared-traditional-chinese.xml")).title == "\u7e41\u9ad4\u4e2d\u6587");
  CHECK(parse_feed(test::feed_fixture("euc-kr-declared-korean.xml")).title == "\ud55c\uad6d\uc5b4");
}

TEST_CASE("invalid bytes in a mostly-UTF-8 feed become U+FFFD", "[parse][encoding]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("invalid-utf8-bytes-in-utf8-feed.xml"));
  CHECK(feed.title == "\u4e2d\u6587 \u6807\u9898 ok \ufffd bad");
  CHECK_FALSE(feed.warnings.empty());
}

TEST_CASE("the HTTP charset applies when the document declares none", "[parse][encoding]") {
  ParseOptions options;
  options.content_type = "application/rss+xml; charset=\"ISO-8859-15\"";
  CHECK(parse_feed(test::feed_fixture("charset-only-in-content-type.xml"), options).title == "\u00c5ngstr\u00f6m");
  CHECK(charset_from_content_type("text/xml; Charset=UTF-8") == "utf-8");
  CHECK(charset_from_content_type("text/xml").empty());
}

TEST_CASE("the declaration is rewritten to UTF-8 after conversion", "[parse][encoding]") {
  SECTION("a longer declaration is overwritten in place, padded before ?>") {
    const DecodedDocument doc = decode_xml_document("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\xe9</a>", "");
    CHECK(doc.encoding == "WINDOWS-1252");
    CHECK(doc.utf8 == "<?xml version=\"1.0\" encoding=\"UTF-8\"     ?><a>\u00e9</a>");
  }
  SECTION("a shorter one is replaced") {
    const DecodedDocument doc = decode_xml_document(" <?xml version='1.0' encoding='GBK'?><a>\xd6\xd0</a>", "");
    CHECK(doc.utf8 == " <?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\u4e2d</a>");
  }
  SECTION("the padded declaration still parses") {
    CHECK(parse_feed("<?xml version=\"1.0\" encoding=\"windows-1252\" standalone=\"yes\"?>"
                     "<rss version=\"2.0\"><channel><title>caf\xe9</title></channel></rss>")
              .title == "caf\u00e9");
  }
}

TEST_CASE("conversion replaces invalid and truncated sequences", "[parse][encoding]") {
  bool replaced = false;
  CHECK(convert_to_utf8("a\x81", "SHIFT_JIS", &replaced) == "a\ufffd");  // truncated
  CHECK(replaced);
  CHECK(convert_to_utf8(std::string("\x00""a\x00", 3), "UTF-16BE") == "a\ufffd");
  CHECK_THROWS_AS(convert_to_utf8("x", "NO-SUCH-CHARSET"), std::invalid_argument);
  CHECK(is_valid_utf8("\u00e9\u4e2d"));
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));  // overlong
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));  // surrogate
  CHECK(iconv_charset_name("US-ASCII") == "WINDOWS-1252");
  CHECK(iconv_charset_name("gb2312") == "GB18030");
}

TEST_CASE("Python's spellings of legacy charsets name the charset iconv has", "[parse][encoding]") {
  struct Case {
    const char* label;
    const char* text;  // what the bytes 0x80 0x8A mean in that charset
  };
  const Case c = GENERATE(values<Case>({
      {"mac_roman", "\u00c4\u00e4"},
      {"MacRoman", "\u00c4\u00e4"},
      {"mac-centeuro", "\u00c4\u00e4"},
      {"maciceland", "\u00c4\u00e4"},
      {"cp_is", "\u00c7\u00e8"},
      {"csIBM861", "\u00c7\u00e8"},
      {"cp154", "\u0496\u04a0"},
      {"mac_cyrillic", "\u0410\u041a"},
      {"1251", "\u0402\u0409"},  // a bare code page number
      {"775", "\u0106\u0156"},
      {"csIBM858", "\u00c7\u00e8"},
      {"kz1048", "\u0402\u0409"},
  }));
  CAPTURE(c.label);
  const std::string doc = std::string("<?xml version=\"1.0\" encoding=\"") + c.label +
                          "\"?><rss version=\"2.0\"><channel><title>\x80\x8a</title></channel></rss>";
  CHECK(parse_feed(doc).title == c.text);
}

TEST_CASE("labels match without case or punctuation, as browsers and Python write them", "[parse][encoding]") {
  CHECK(iconv_charset_name("ISO_8859-2:1987") == "ISO-8859-2");
  CHECK(iconv_charset_name("iso8859_2") == "ISO-8859-2");
  CHECK(iconv_charset_name(" Latin-9 ") == "ISO-8859-15");
  CHECK(iconv_charset_name("x-cp1251") == "WINDOWS-1251");
  CHECK(iconv_charset_name("dos-874") == "WINDOWS-874");
  CHECK(iconv_charset_name("ks_c_5601-1987") == "CP949");
  CHECK(iconv_charset_name("MS_Kanji") == "CP932");
  CHECK(iconv_charset_name("shiftjis") == "CP932");
  CHECK(iconv_charset_name("iso2022_jp_2") == "ISO-2022-JP-2");
  CHECK(iconv_charset_name("mac_greek") == "X-MAC-GREEK");
  CHECK(iconv_charset_name("x-mac-turkish") == "X-MAC-TURKISH");
  CHECK(iconv_charset_name("koi8_t") == "KOI8-T");  // no table entry: a spelling iconv knows
  CHECK(iconv_charset_name("no-such-charset") == "NO-SUCH-CHARSET");
}

TEST_CASE("Apple's Mac charsets decode by Apple's tables", "[parse][encoding]") {
  struct Case {
    const char* label;
    const char* bytes;
    const char* text;
  };
  const Case c = GENERATE(values<Case>({
      {"macgreek", "\x80\xA1\xB5", "\u00c4\u0393\u0392"},
      {"macturkish", "\x80\xDA\xDF", "\u00c4\u011e\u015f"},
      {"x-mac-croatian", "\x80\xA9\xB9", "\u00c4\u0160\u0161"},
      {"x-mac-romanian", "\x80\xAF\xBF", "\u00c4\u0218\u0219"},
      {"maciceland", "\xA0\xDB", "\u00dd\u20ac"},  // glibc's MAC-IS has a dagger and no euro there
      {"macintosh", "\xC6\xDB", "\u2206\u20ac"},   // the increment sign, not Greek Delta
      {"x-mac-cyrillic", "\x80\xFF", "\u0410\u20ac"},
  }));
  CAPTURE(c.label);
  const std::string doc = std::string("<?xml version=\"1.0\" encoding=\"") + c.label +
                          "\"?><rss version=\"2.0\"><channel><title>" + c.bytes + "</title></channel></rss>";
  const ParsedFeed feed = parse_feed(doc);
  CHECK(feed.title == c.text);
  CHECK(feed.warnings.empty());
}

TEST_CASE("7-bit charsets are read by their label although their bytes are valid UTF-8", "[parse][encoding]") {
  // "日本語" in ISO-2022-JP: ESC $ B shifts to JIS X 0208, ESC ( B back to ASCII.
  const std::string japanese = "\x1B$BF|K\\8l\x1B(B";
  const std::string doc = "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><rss version=\"2.0\"><channel><title>" +
                          japanese + "</title></channel></rss>";
  CHECK(parse_feed(doc).title == "\u65e5\u672c\u8a9e");
  ParseOptions http;
  http.content_type = "application/rss+xml; charset=utf-7";
  CHECK(parse_feed("<rss version=\"2.0\"><channel><title>Caf+AOk-</title></channel></rss>", http).title ==
        "Caf\u00e9");
  // Any non-ASCII byte is no 7-bit text: the label is the lie, as for any other.
  const std::string utf8 = "<?xml version=\"1.0\" encoding=\"iso-2022-jp\"?><rss version=\"2.0\"><channel>"
                           "<title>Caf\u00e9</title></channel></rss>";
  CHECK(parse_feed(utf8).title == "Caf\u00e9");
}

TEST_CASE("single-byte text where nearly every byte widens decodes whole", "[parse][encoding]") {
  // 20,000 bytes that each become two or three: past the room a block of input is given at first.
  std::string bytes;
  std::string expected;
  for (int i = 0; i < 10'000; ++i) {
    bytes += "\xe9\x80";
    expected += "\u00e9\u20ac";
  }
  CHECK(convert_to_utf8(bytes, "WINDOWS-1252") == expected);
  CHECK(is_valid_utf8(expected));
  CHECK_FALSE(is_valid_utf8(expected + "\xe9"));  // truncated at the end of a run of non-ASCII
}

TEST_CASE("Shift_JIS read through its table gives what iconv gives", "[parse][encoding]") {
  bool replaced = false;
  CHECK(convert_to_utf8("\x93\xfa\x96\x7b\xb1 ok", "CP932", &replaced) == "\u65e5\u672c\uff71 ok");
  CHECK_FALSE(replaced);
  // A lead byte whose pair is no character: U+FFFD, and its trail byte is read on its own.
  CHECK(convert_to_utf8("\x81\x20x", "CP932", &replaced) == "\ufffd x");
  CHECK(replaced);
  CHECK(convert_to_utf8("a\x93", "CP932") == "a\ufffd");  // a lead byte at the end
}

TEST_CASE("Shift_JIS through its table matches iconv on random broken input", "[parse][encoding]") {
  // WINDOWS-31J is iconv's other name for CP932, which the table does not
  // claim, so it takes the iconv path: the reference, replacement included.
  std::mt19937 random(11);
  const std::string leads = "\x81\x9f\xe0\xfc\x82\x88\xa0\x80\xfd\x7f\x40\x0a";
  int replacing_inputs = 0;
  std::optional<std::string> first_difference;
  for (int round = 0; round < 20'000 && !first_difference; ++round) {
    std::string bytes;
    const std::size_t length = random() % 12;
    for (std::size_t i = 0; i < length; ++i)
      bytes += random() % 2 ? static_cast<char>(random() % 256) : leads[random() % leads.size()];
    bool table_replaced = false;
    bool iconv_replaced = false;
    const std::string through_table = convert_to_utf8(bytes, "CP932", &table_replaced);
    const std::string through_iconv = convert_to_utf8(bytes, "WINDOWS-31J", &iconv_replaced);
    if (through_table != through_iconv || table_replaced != iconv_replaced) first_difference = bytes;
    replacing_inputs += iconv_replaced ? 1 : 0;
  }
  CHECK_FALSE(first_difference);
  CHECK(replacing_inputs > 1'000);  // the inputs do reach the replacement paths
}

TEST_CASE("an unknown declared charset still yields the document", "[parse][encoding]") {
  const ParsedFeed feed =
      parse_feed("<?xml version=\"1.0\" encoding=\"x-bogus-42\"?><rss><channel><title>ok</title></channel></rss>");
  CHECK(feed.title == "ok");
}

TEST_CASE("C1 controls in decoded text are read as the Windows code page of their script", "[parse][encoding]") {
  SECTION("bytes 0x80-0x9F of ISO-8859-2 mean windows-1250's characters") {
    const ParsedFeed feed = parse_feed("<?xml version=\"1.0\" encoding=\"iso-8859-2\"?><rss version=\"2.0\"><channel>"
                                       "<title>\x93Je\x9Cli \x9Cwiat\x94 \xb1 \x80</title></channel></rss>");
    CHECK(feed.title == "\u201cJe\u015bli \u015bwiat\u201d \u0105 \u20ac");
    CHECK(std::find(feed.warnings.begin(), feed.warnings.end(), "C1 control characters read as WINDOWS-1250") !=
          feed.warnings.end());
  }
  SECTION("ISO-8859-15 has no sibling of its own: windows-1252") {
    CHECK(parse_feed("<?xml version=\"1.0\" encoding=\"latin9\"?><rss version=\"2.0\"><channel>"
                     "<title>\x93\xa4\x94</title></channel></rss>")
              .title == "\u201c\u20ac\u201d");
  }
  SECTION("C1 characters written as UTF-8, in text and in HTML") {
    const ParsedFeed feed = parse_feed("<rss version=\"2.0\"><channel><title>don\xc2\x92t</title><item>"
                                       "<description>a\xc2\x85</description></item></channel></rss>");
    CHECK(feed.title == "don\u2019t");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].summary == "a\u2026");
  }
  SECTION("the five bytes windows-1252 leaves undefined stay, and are no repair") {
    const DecodedDocument doc = decode_xml_document("<a>\xc2\x81\xc2\xab\xc2\xa0\xc2\x9d</a>", "");
    CHECK(doc.utf8 == "<a>\xc2\x81\xc2\xab\xc2\xa0\xc2\x9d</a>");
    CHECK(doc.c1_read_as.empty());
    const DecodedDocument plain = decode_xml_document("<a>\xc2\xab caf\xc3\xa9</a>", "");
    CHECK(plain.c1_read_as.empty());
    CHECK(plain.utf8 == "<a>\xc2\xab caf\xc3\xa9</a>");
  }
  SECTION("a charset whose C1 code points are characters keeps them: EBCDIC's NL is its line end") {
    // "<a>x" NL "y</a>" in IBM037.
    const DecodedDocument doc = decode_xml_document("\x4c\x81\x6e\xa7\x15\xa8\x4c\x61\x81\x6e", "text/xml; charset=IBM037");
    CHECK(doc.utf8 == "<a>x\ny</a>");
    CHECK(doc.c1_read_as.empty());
    CHECK(c1_meanings("KOI8-R") == nullptr);
    CHECK(c1_meanings("IBM037") == nullptr);
  }
}

TEST_CASE("windows-1252 bytes among UTF-8 text are read as their characters where they look like text",
          "[parse][encoding]") {
  const ParsedFeed feed = parse_feed(
      "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
      "<title>Caf\xC3\xA9 \xE2\x80\x94 Z\xC3\xBCrich Gr\xC3\xB6\xC3\x9F" "e</title>"
      "<item><title>na\xEFve don\x92t \xFF end</title></item></channel></rss>");
  CHECK(feed.title == "Caf\xC3\xA9 \xE2\x80\x94 Z\xC3\xBCrich Gr\xC3\xB6\xC3\x9F" "e");
  REQUIRE(feed.items.size() == 1);
  // A lone 0xFF between spaces is no letter of any word: it stays unreadable.
  CHECK(feed.items[0].title == "na\xC3\xAFve don\xE2\x80\x99t \xEF\xBF\xBD end");
  CHECK(std::find(feed.warnings.begin(), feed.warnings.end(), "bytes that are not UTF-8 read as windows-1252") !=
        feed.warnings.end());
}

TEST_CASE("UTF-8 that was read as ISO-8859-1 once is read again, and Latin words are left alone",
          "[parse][encoding]") {
  SECTION("the reading on its own") {
    CHECK(reread_latin1_as_utf8("Caf\xC3\x83\xC2\xA9") == "Caf\xC3\xA9");  // CafÃ© -> Café
    CHECK(reread_latin1_as_utf8("\xC3\xA2\xC2\x82\xC2\xAC" "5") == "\xE2\x82\xAC" "5");  // a three-byte euro
    CHECK(reread_latin1_as_utf8("plain ASCII") == std::nullopt);
    CHECK(reread_latin1_as_utf8("") == std::nullopt);
    CHECK(reread_latin1_as_utf8("Gr\xC3\xBC\xC3\x9F" "e Espa\xC3\xB1" "a") == std::nullopt);  // Grüße España
    CHECK(reread_latin1_as_utf8("\xC3\x80 la une \xC2\xA9") == std::nullopt);  // À la une ©: no pair
    CHECK(reread_latin1_as_utf8("Caf\xC3\x83\xC2\xA9 \xE2\x80\x99") == std::nullopt);  // a character past U+00FF
    CHECK(reread_latin1_as_utf8("\xC3\x83") == std::nullopt);  // Ã alone is a cut-off sequence
    CHECK(reread_latin1_as_utf8("\xC3\x83\xC2\xA0 la") == "\xC3\xA0 la");  // Ã and a no-break space: à
    CHECK(reread_latin1_as_utf8("Gru\xC3\x9F\xC2\xA0Max") == std::nullopt);  // Gruß&nbsp;Max stays
    CHECK(reread_latin1_as_utf8("\xC3\x9C\xC2\xA9") == std::nullopt);  // Ü©: no Syriac meant
  }
  SECTION("a document with as many UTF-8 letters as windows-1252 bytes is read as windows-1252, then fields again") {
    const ParsedFeed feed = parse_feed(
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>T</title>"
        "<item><title>Caf\xC3\xA9 news</title><description>It\x92s here</description></item></channel></rss>");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].title == "Caf\xC3\xA9 news");
    CHECK(feed.items[0].summary == "It\xE2\x80\x99s here");
    CHECK(std::find(feed.warnings.begin(), feed.warnings.end(),
                    "UTF-8 read as ISO-8859-1 read again in 1 fields") != feed.warnings.end());
    // The id made of the title is the one the title as read now gives.
    const ParsedFeed clean = parse_feed(
        "<rss version='2.0'><channel><title>T</title>"
        "<item><title>Caf\xC3\xA9 news</title><description>It\xE2\x80\x99s here</description></item></channel></rss>");
    REQUIRE(clean.items.size() == 1);
    CHECK(feed.items[0].id == clean.items[0].id);
  }
  SECTION("a publisher's double encoding in a UTF-8 feed") {
    const ParsedFeed feed = parse_feed(
        "<rss version='2.0'><channel><title>Z\xC3\x83\xC2\xBCrich</title><item><title>Gr\xC3\xBC\xC3\x9F" "e</title>"
        "<category>Caf\xC3\x83\xC2\xA9</category></item></channel></rss>");
    CHECK(feed.title == "Z\xC3\xBCrich");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].title == "Gr\xC3\xBC\xC3\x9F" "e");
    CHECK(feed.items[0].categories == std::vector<std::string>{"Caf\xC3\xA9"});
    // Read again, a category that equals one already there is not a second one.
    const ParsedFeed twice = parse_feed(
        "<rss version='2.0'><channel><title>t</title><item><title>i</title>"
        "<category>Caf\xC3\xA9</category><category>Caf\xC3\x83\xC2\xA9</category></item></channel></rss>");
    REQUIRE(twice.items.size() == 1);
    CHECK(twice.items[0].categories == std::vector<std::string>{"Caf\xC3\xA9"});
  }
}

TEST_CASE("an XML declaration after a server's junk still names the charset", "[parse][encoding]") {
  const ParsedFeed feed = parse_feed(
      "<br />\n<b>Notice</b>: Undefined index in x.php on line 3<br />\n"
      "<?xml version=\"1.0\" encoding=\"iso-8859-2\"?>\n"
      "<rss version=\"2.0\"><channel><title>\xA3\xF3" "d\xBC</title></channel></rss>");
  CHECK(feed.title == "\xC5\x81\xC3\xB3" "d\xC5\xBA");  // Łódź
}

TEST_CASE("C0 controls XML does not allow are dropped from the text", "[parse][encoding]") {
  const ParsedFeed feed = parse_feed(std::string(
      "<rss version='2.0'><channel><title>Bad\x0Bvertical\x1Ftab\x01</title>"
      "<item><title>tab\tand\nline</title></item></channel></rss>"));
  CHECK(feed.title == "Badverticaltab");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "tab and line");
}
