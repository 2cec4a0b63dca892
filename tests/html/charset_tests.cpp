#include <catch2/catch.hpp>

#include "feeds/html/page_charset.hpp"

using namespace feedsieve;

TEST_CASE("a meta charset after kilobytes of head is still found", "[html][charset]") {
  const std::string page = "<html><head><script>" + std::string(4000, 'x') +
                           "</script><meta charset=\"koi8-r\"></head><body>\xF0\xD2\xC9\xD7\xC5\xD4</body></html>";
  CHECK(html_declared_charset(page) == "koi8-r");
  const DecodedPage decoded = decode_html_page(page, "");
  CHECK(decoded.utf8.find("Привет") != std::string::npos);
}

TEST_CASE("http-equiv Content-Type declares the charset", "[html][charset]") {
  const std::string page =
      "<head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=EUC-KR'></head><body>\xC7\xD1</body>";
  CHECK(html_declared_charset(page) == "euc-kr");
  CHECK(decode_html_page(page, "").utf8.find("한") != std::string::npos);
}

TEST_CASE("a meta tag in the body does not count", "[html][charset]") {
  CHECK(html_declared_charset("<head></head><body><meta charset=koi8-r></body>").empty());
}

TEST_CASE("undeclared pages are sniffed: valid UTF-8 stays, else windows-1252", "[html][charset]") {
  CHECK(decode_html_page("<p>Сеул 서울</p>", "").encoding == "UTF-8");
  const DecodedPage latin = decode_html_page("<p>caf\xE9</p>", "");
  CHECK(latin.utf8 == "<p>café</p>");
}

TEST_CASE("undeclared pages in a non-Latin legacy charset are read in the one their text shows", "[html][charset]") {
  // "人工智能开源模型发布" in GB2312, "Привет мир новости" in windows-1251.
  const DecodedPage chinese =
      decode_html_page("<p>\xC8\xCB\xB9\xA4\xD6\xC7\xC4\xDC\xBF\xAA\xD4\xB4\xC4\xA3\xD0\xCD\xB7\xA2\xB2\xBC</p>", "");
  CHECK(chinese.encoding == "GB18030");
  CHECK(chinese.utf8 == "<p>人工智能开源模型发布</p>");
  const DecodedPage russian = decode_html_page("<p>\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0 \xED\xEE\xE2\xEE\xF1\xF2\xE8</p>", "");
  CHECK(russian.encoding == "WINDOWS-1251");
  CHECK(russian.utf8 == "<p>Привет мир новости</p>");
}

TEST_CASE("the HTTP charset beats the meta tag, a BOM beats both", "[html][charset]") {
  const std::string page = "<meta charset=utf-8><p>\xE9</p>";
  CHECK(decode_html_page(page, "text/html; charset=iso-8859-1").utf8.find("é") != std::string::npos);
  CHECK(decode_html_page("\xEF\xBB\xBF<p>\xC3\xA9</p>", "text/html; charset=koi8-r").utf8 == "<p>é</p>");
}

TEST_CASE("an HTTP charset of UTF-16 decodes a page without a BOM, when its bytes are UTF-16", "[html][charset]") {
  const std::string ascii = "<p>Seoul</p>";
  std::string le, be;
  for (const char c : ascii) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  CHECK(decode_html_page(le, "text/html; charset=utf-16").utf8 == ascii);
  CHECK(decode_html_page(le, "text/html; charset=UTF-16LE").utf8 == ascii);
  CHECK(decode_html_page(be, "text/html; charset=utf-16be").utf8 == ascii);
  // A header that lies about an ASCII page: read as UTF-8.
  CHECK(decode_html_page(ascii, "text/html; charset=utf-16").utf8 == ascii);
}
