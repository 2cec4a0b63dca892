#include <catch2/catch.hpp>

#include "feeds/extract/article.hpp"
#include "feeds/extract/main_text.hpp"

using namespace feedsieve;

namespace {

std::string paragraph(int n) {
  return "<p>Paragraph " + std::to_string(n) +
         " of the story, with enough words, commas, and clauses to read as prose, which is what the scorer "
         "rewards when it weighs blocks of text against each other.</p>";
}

std::string article_page() {
  std::string body = "<html><head><title>The headline</title></head><body>"
                     "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/tech'>Tech</a></nav>"
                     "<div class='cookie-banner'>We use cookies to improve your experience, accept them all.</div>"
                     "<div id='content'><article><h1>The headline</h1>";
  for (int i = 1; i <= 4; ++i) body += paragraph(i);
  body += "<h2>A section heading</h2>";
  for (int i = 5; i <= 6; ++i) body += paragraph(i);
  body += "<div class='share-bar'><a href='#'>Share on X</a> <a href='#'>Share by mail</a></div>"
          "</article><div class='related-links'><ul><li><a href='/a'>Another story about something else</a></li>"
          "<li><a href='/b'>Yet another story that is not this one</a></li></ul></div>"
          "<div id='comments'><p>First comment, which is long enough, and has commas, to be a paragraph.</p></div>"
          "</div><footer>Copyright, the publisher, all rights reserved, since forever and a day.</footer>"
          "</body></html>";
  return body;
}

}  // namespace

TEST_CASE("the article's headings and paragraphs come out in order, the furniture does not", "[extract]") {
  const HtmlDocument page(article_page());
  const auto blocks = extract_main_text(page, "The headline");
  REQUIRE(blocks.size() == 7);
  CHECK(blocks[0].starts_with("Paragraph 1 "));
  CHECK(blocks[4] == "A section heading");
  CHECK(blocks[6].starts_with("Paragraph 6 "));
  for (const auto& block : blocks) {
    CHECK(block.find("cookies") == std::string::npos);
    CHECK(block.find("Share") == std::string::npos);
    CHECK(block.find("comment") == std::string::npos);
    CHECK(block.find("Copyright") == std::string::npos);
    CHECK(block.find("Another story") == std::string::npos);
  }
}

TEST_CASE("text written straight into a div between <br>s is found", "[extract]") {
  std::string body = "<body><div class='menu'><a href='/'>Home</a></div><div class='post'>";
  for (int i = 0; i < 5; ++i)
    body += "A line of prose in an old layout, with commas, and enough words to count as a paragraph.<br><br>";
  body += "</div></body>";
  const auto blocks = extract_main_text(HtmlDocument(body));
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[0].starts_with("A line of prose"));
}

TEST_CASE("a page without prose yields no text", "[extract]") {
  CHECK(extract_main_text(HtmlDocument("<body><nav><a href='/'>Home</a></nav></body>")).empty());
}

TEST_CASE("extract_article joins blocks with blank lines and decodes the page", "[extract]") {
  const Article article = extract_article(article_page(), "text/html; charset=utf-8", "https://example.com/s");
  CHECK(article.title == "The headline");
  CHECK(article.canonical_url == "https://example.com/s");
  CHECK(article.text.find("\n\nParagraph 2 ") != std::string::npos);
}

TEST_CASE("hostile nesting stays cheap", "[extract]") {
  std::string deep;
  for (int i = 0; i < 50'000; ++i) deep += "<div>";
  deep += "text";
  const auto blocks = extract_main_text(HtmlDocument(deep));
  CHECK(blocks.size() <= 1);
}
