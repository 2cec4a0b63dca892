// Every charset the web serves feeds in, each through the XML declaration and
// through the HTTP charset: the bytes are made here with iconv from known
// UTF-8 text, so the expected text is the text the test started from.
#include <catch2/catch.hpp>

#include <iconv.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "feeds/parse/parse.hpp"

using namespace feedsieve;

namespace {

// UTF-8 text in `charset`, by glibc's iconv (independent of the parser's own use of it).
std::string encode(const std::string& utf8, const std::string& charset) {
  const iconv_t cd = iconv_open(charset.c_str(), "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv cannot write " + charset);
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("cannot write the text in " + charset);
  out.resize(out.size() - out_left);
  return out;
}

// An RSS document whose channel title, item title and item summary (escaped HTML) are `text`.
std::string rss_with(const std::string& text, const std::string& declared) {
  const std::string declaration =
      declared.empty() ? "" : "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>\n";
  return declaration + "<rss version=\"2.0\"><channel><title>" + text + "</title><item><title>" + text +
         "</title><description>&lt;p&gt;" + text + "&lt;/p&gt;</description><guid>x</guid></item></channel></rss>";
}

void check_text(const ParsedFeed& feed, const std::string& text) {
  CHECK(feed.title == text);
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == text);
  CHECK(feed.items[0].summary == text);
}

struct Sample {
  const char* label;  // as a server or a document writes it
  const char* iconv;  // what iconv writes it with
  const char* text;   // UTF-8
};

}  // namespace

TEST_CASE("single- and multi-byte charsets, by XML declaration and by HTTP charset", "[parse][encoding]") {
  const Sample s = GENERATE(values<Sample>({
      {"ISO-8859-1", "ISO-8859-1", "Caf\u00e9 d\u00e9j\u00e0 vu \u00bd"},
      {"ISO-8859-2", "ISO-8859-2", "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144"},
      {"ISO-8859-15", "ISO-8859-15", "\u20ac5 \u0152uvre \u0161"},
      {"windows-1251", "WINDOWS-1251", "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440"},
      {"windows-1252", "WINDOWS-1252", "\u201cquotes\u201d \u2013 \u20ac5 \u2122"},
      {"KOI8-R", "KOI8-R", "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440"},
      {"GB2312", "GB2312", "\u4e2d\u6587\u6807\u9898"},
      {"GBK", "GBK", "\u4e2d\u6587\u6a19\u984c"},
      {"GB18030", "GB18030", "\u4e2d\u6587 \U0001F600"},
      {"Big5", "BIG5", "\u7e41\u9ad4\u4e2d\u6587"},
      {"Shift_JIS", "SHIFT_JIS", "\u65e5\u672c\u8a9e\u306e\u30bf\u30a4\u30c8\u30eb"},
      {"EUC-JP", "EUC-JP", "\u65e5\u672c\u8a9e\u306e\u30bf\u30a4\u30c8\u30eb"},
      {"EUC-KR", "EUC-KR", "\ud55c\uad6d\uc5b4 \uc81c\ubaa9"},
  }));
  CAPTURE(s.label);
  SECTION("declared in the document") { check_text(parse_feed(encode(rss_with(s.text, s.label), s.iconv)), s.text); }
  SECTION("only in the HTTP Content-Type") {
    ParseOptions options;
    options.content_type = std::string("application/rss+xml; charset=") + s.label;
    check_text(parse_feed(encode(rss_with(s.text, ""), s.iconv), options), s.text);
  }
  SECTION("the HTTP charset wins over a wrong declaration") {
    ParseOptions options;
    options.content_type = std::string("text/xml; charset=\"") + s.label + "\"";
    check_text(parse_feed(encode(rss_with(s.text, "UTF-8"), s.iconv), options), s.text);
  }
}

TEST_CASE("UTF-16 and UTF-32, both byte orders, with and without a byte order mark", "[parse][encoding]") {
  const std::string text = "\u00dcn\u00efc\u00f6d\u00e9 \u4e2d\u6587 \U0001F600";
  const Sample s = GENERATE(values<Sample>({
      {"UTF-16", "UTF-16LE", "\xFF\xFE"},
      {"UTF-16", "UTF-16BE", "\xFE\xFF"},
      {"UTF-32", "UTF-32LE", "\xFF\xFE\x00\x00"},
      {"UTF-32", "UTF-32BE", "\x00\x00\xFE\xFF"},
  }));
  const std::string bom = s.iconv == std::string("UTF-32LE") || s.iconv == std::string("UTF-32BE")
                              ? std::string(s.text, 4)
                              : std::string(s.text, 2);
  CAPTURE(s.iconv);
  SECTION("with a BOM") { check_text(parse_feed(bom + encode(rss_with(text, s.label), s.iconv)), text); }
  SECTION("without a BOM, declared") { check_text(parse_feed(encode(rss_with(text, s.label), s.iconv)), text); }
  SECTION("without a BOM or declaration, HTTP charset") {
    ParseOptions options;
    options.content_type = std::string("application/xml; charset=") + s.iconv;
    check_text(parse_feed(encode(rss_with(text, ""), s.iconv), options), text);
  }
}

TEST_CASE("ISO-8859-1 declared or sent, windows-1252 bytes: the C1 range reads as windows-1252", "[parse][encoding]") {
  const std::string text = "\u201cSmart\u201d \u2018quotes\u2019 \u2014 \u20ac9 \u2026";
  const std::string bytes = encode(rss_with(text, "ISO-8859-1"), "WINDOWS-1252");
  check_text(parse_feed(bytes), text);
  ParseOptions options;
  options.content_type = "application/rss+xml; charset=iso-8859-1";
  check_text(parse_feed(encode(rss_with(text, ""), "WINDOWS-1252"), options), text);
}

TEST_CASE("unlabelled legacy bytes: non-Latin scripts are told by their statistics", "[parse][encoding]") {
  const Sample s = GENERATE(values<Sample>({
      {"GB18030", "GB2312", "\u4e0d\u5f52\u79fb\u6c11\u6f2b\u753b\u7cfb\u5217\uff1a\u4e13\u4e1a\u5de5\u4f5c"},
      {"BIG5", "BIG5", "\u6211\u5e0c\u671b\u9019\u5f88\u5bb9\u6613\u5c07\u5176\u7ffb\u8b6f\u6210\u4e2d\u6587"},
      {"SHIFT_JIS", "SHIFT_JIS", "\u65e5\u672c\u8a9e\u306e\u30cb\u30e5\u30fc\u30b9\u306e\u30bf\u30a4\u30c8\u30eb\u3067\u3059"},
      {"EUC-JP", "EUC-JP", "\u65e5\u672c\u8a9e\u306e\u30cb\u30e5\u30fc\u30b9\u306e\u30bf\u30a4\u30c8\u30eb\u3067\u3059"},
      {"UHC", "EUC-KR", "\ud55c\uad6d\uc5b4 \uc81c\ubaa9\uc785\ub2c8\ub2e4 \ub274\uc2a4"},
      {"WINDOWS-1251", "WINDOWS-1251", "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440 \u043d\u043e\u0432\u043e\u0441\u0442\u0438"},
      {"KOI8-R", "KOI8-R", "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440 \u043d\u043e\u0432\u043e\u0441\u0442\u0438"},
      {"WINDOWS-1255", "WINDOWS-1255", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd \u05d7\u05d3\u05e9\u05d5\u05ea"},
      {"ISO-8859-6", "ISO-8859-6",
       "\u0633\u0628\u0627\u0642 \u0646\u0645\u0627\u0630\u062c \u0627\u0644\u0630\u0643\u0627\u0621 "
       "\u0627\u0644\u0627\u0635\u0637\u0646\u0627\u0639\u064a \u0627\u0644\u0645\u0641\u062a\u0648\u062d\u0629"},
      {"IBM855", "IBM855",
       "\u0413\u043e\u043d\u043a\u0430 \u043e\u0442\u043a\u0440\u044b\u0442\u044b\u0445 "
       "\u043c\u043e\u0434\u0435\u043b\u0435\u0439 \u0443\u0441\u043a\u043e\u0440\u044f\u0435\u0442\u0441\u044f"},
      // Thai: read as windows-874, the superset of TIS-620 that the web means by it
      {"WINDOWS-874", "TIS-620",
       "\u0e01\u0e32\u0e23\u0e41\u0e02\u0e48\u0e07\u0e02\u0e31\u0e19\u0e02\u0e2d\u0e07\u0e42\u0e21\u0e40\u0e14"
       "\u0e25\u0e1b\u0e31\u0e0d\u0e0d\u0e32\u0e1b\u0e23\u0e30\u0e14\u0e34\u0e29\u0e10\u0e4c\u0e41\u0e1a\u0e1a"},
  }));
  CAPTURE(s.label);
  for (const char* declared : {"", "UTF-8"}) {
    const ParsedFeed feed = parse_feed(encode(rss_with(s.text, declared), s.iconv));
    check_text(feed, s.text);
    CHECK(std::find(feed.warnings.begin(), feed.warnings.end(),
                    std::string("not UTF-8 and no other charset given: read as ") + s.label) != feed.warnings.end());
  }
}

TEST_CASE("unlabelled legacy bytes: Big5 that uchardet takes for GB18030 is read as Big5", "[parse][encoding]") {
  const std::string sentence =
      "\u958b\u653e\u539f\u59cb\u78bc\u4eba\u5de5\u667a\u6167\u6a21\u578b\u7684\u7af6\u8cfd\u6b63\u5728"
      "\u52a0\u901f\uff0c\u5404\u5927\u516c\u53f8\u7d1b\u7d1b\u767c\u5e03\u65b0\u7684\u6a21\u578b\u8207"
      "\u6b0a\u91cd";
  const std::string text = sentence + sentence + sentence;
  const ParsedFeed feed = parse_feed(encode(rss_with(text, ""), "BIG5"));
  check_text(feed, text);
  CHECK(feed.warnings == std::vector<std::string>{"not UTF-8 and no other charset given: read as BIG5"});
  SECTION("Traditional Chinese written in GBK stays GB18030") {
    const std::string traditional =
        "\u81fa\u7063\u7684\u79d1\u6280\u516c\u53f8\u6b63\u5728\u7a4d\u6975\u958b\u767c\u5927\u578b\u8a9e"
        "\u8a00\u6a21\u578b\uff0c\u653f\u5e9c\u4e5f\u5ba3\u4f48\u5c07\u6295\u5165\u66f4\u591a\u8cc7\u6e90"
        "\u652f\u6301\u958b\u653e\u539f\u59cb\u78bc\u793e\u7fa4";
    const ParsedFeed gbk = parse_feed(encode(rss_with(traditional, ""), "GBK"));
    check_text(gbk, traditional);
    CHECK(gbk.warnings == std::vector<std::string>{"not UTF-8 and no other charset given: read as GB18030"});
  }
}

TEST_CASE("unlabelled legacy bytes: a character cut in half does not send a Chinese feed to windows-1252", "[parse][encoding]") {
  const std::string text = "\u4eba\u5de5\u667a\u80fd\u5f00\u6e90\u6a21\u578b\u53d1\u5e03";
  std::string bytes = encode(rss_with(text + text + text + text + text, ""), "GB2312");
  bytes.insert(bytes.find("</title>"), "\xC8");  // a lead byte, and no trail byte after it
  const ParsedFeed feed = parse_feed(bytes);
  CHECK(feed.title.starts_with(text));
  CHECK(feed.title.ends_with("\ufffd"));
  CHECK(std::find(feed.warnings.begin(), feed.warnings.end(), "invalid GB18030 sequences replaced") != feed.warnings.end());
}

TEST_CASE("unlabelled legacy bytes: Latin text and a few stray bytes stay windows-1252", "[parse][encoding]") {
  // On such text uchardet names windows-1250, -1258, ISO-8859-2 or MAC-CENTRALEUROPE;
  // two bytes of Chinese it reads as ISO-8859-5. windows-1252 is the better answer.
  const std::string text = GENERATE(as<std::string>{}, "don\u2019t", "he said \u201chello\u201d to them",
                                    "It\u2019s \u201cfine\u201d", "Le pr\u00e9sident a d\u00e9clar\u00e9 \u00e0 la t\u00e9l\u00e9vision",
                                    "Gr\u00f6\u00dfere \u00c4nderungen f\u00fcr \u00dcbermorgen", "caf\u00e9");
  const ParsedFeed feed = parse_feed(encode(rss_with(text, ""), "WINDOWS-1252"));
  check_text(feed, text);
  CHECK(feed.warnings == std::vector<std::string>{"not UTF-8 and no other charset given: read as WINDOWS-1252"});
}

TEST_CASE("invalid byte sequences become U+FFFD with a warning, never an error", "[parse][encoding]") {
  SECTION("Shift_JIS with a lead byte and no trail") {
    std::string bytes = encode(rss_with("\u65e5\u672c", "Shift_JIS"), "SHIFT_JIS");
    bytes.insert(bytes.find("</title>"), "\x81\x20");
    const ParsedFeed feed = parse_feed(bytes);
    CHECK(feed.title.find("\ufffd") != std::string::npos);
    CHECK(feed.title.find("\u65e5\u672c") == 0);
    CHECK_FALSE(feed.warnings.empty());
  }
  SECTION("UTF-16LE with an unpaired surrogate") {
    std::string bytes = "\xFF\xFE" + encode(rss_with("ab", "UTF-16"), "UTF-16LE");
    const std::size_t at = bytes.find(std::string("b\0", 2));
    bytes.insert(at, std::string("\x00\xD8", 2));  // U+D800 alone
    const ParsedFeed feed = parse_feed(bytes);
    CHECK(feed.title == "a\ufffdb");
    CHECK_FALSE(feed.warnings.empty());
  }
  SECTION("EUC-KR with a byte that starts nothing") {
    std::string bytes = encode(rss_with("\ud55c\uad6d", "EUC-KR"), "EUC-KR");
    bytes.insert(bytes.find("</title>"), "\xFF");
    const ParsedFeed feed = parse_feed(bytes);
    CHECK(feed.title.starts_with("\ud55c\uad6d"));
    CHECK(feed.title.find("\ufffd") != std::string::npos);
  }
}
