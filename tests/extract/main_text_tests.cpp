#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

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

namespace {

bool has_block_starting(const std::vector<std::string>& blocks, std::string_view start) {
  return std::any_of(blocks.begin(), blocks.end(), [&](const std::string& b) { return b.starts_with(start); });
}

}  // namespace

TEST_CASE("a post written as one <div> a paragraph keeps its text beside its photos", "[extract]") {
  // Blogger's markup: no <p> at all, and a photo beside each paragraph in the
  // wrapper that holds most of the post. Read by <p> count alone, that
  // wrapper looked like a gallery and was dropped.
  std::string body = "<body><div class='post-outer'><div class='crumbs'>Home Latest News The headline</div>"
                     "<div class='post-body'><div><span>The first line of the post, with commas, and enough "
                     "words, to read as a paragraph.</span></div><div class='reader'>";
  for (int i = 1; i <= 3; ++i) {
    const std::string n = std::to_string(i);
    body += "<div class='separator'><a href='/p" + n + ".jpg'><img src='/p" + n + ".jpg'></a></div><div><span>Line " +
            n + " of the post, with commas, and enough words, to read as a paragraph of prose.</span></div>";
  }
  body += "<div><img src='/p4.jpg'></div></div></div></div></body>";
  const auto blocks = extract_main_text(HtmlDocument(body));
  CHECK(has_block_starting(blocks, "The first line of the post"));
  CHECK(has_block_starting(blocks, "Line 1 of the post"));
  CHECK(has_block_starting(blocks, "Line 3 of the post"));
}

TEST_CASE("a social post quoted through its embed markup is part of the article", "[extract]") {
  std::string body = "<body><div class='article-body'>";
  for (int i = 1; i <= 3; ++i) body += paragraph(i);
  body += "<div class='social-media-embed'><blockquote class='twitter-tweet'><p lang='en'>The quoted post "
          "says this much <a href='https://t.co/x'>https://t.co/x</a></p>&mdash; Someone (@someone) "
          "<a href='https://twitter.com/someone/status/1'>November 18, 2019</a></blockquote></div>";
  body += paragraph(4) + "<div class='social-share'><a href='#'>Share on X</a> <a href='#'>Share by mail</a></div>";
  body += "</div></body>";
  const auto blocks = extract_main_text(HtmlDocument(body));
  CHECK(has_block_starting(blocks, "The quoted post says this much"));
  CHECK(has_block_starting(blocks, "Paragraph 4 "));
  CHECK_FALSE(has_block_starting(blocks, "Share on X"));
}

TEST_CASE("paragraphs that are each one link to another story are left out, a single one is kept", "[extract]") {
  std::string body = "<body><div class='story'>";
  for (int i = 1; i <= 4; ++i) body += paragraph(i);
  body += "<p><a href='/results'>Full results of the meet</a></p>" + paragraph(5) +
          "<p><a href='/one'>Another story about something else</a></p><div class='ad'></div>"
          "<p><a href='/two'>Yet another story that is not this one</a></p></div></body>";
  const auto blocks = extract_main_text(HtmlDocument(body));
  CHECK(has_block_starting(blocks, "Full results of the meet"));
  CHECK(has_block_starting(blocks, "Paragraph 5 "));
  CHECK_FALSE(has_block_starting(blocks, "Another story"));
  CHECK_FALSE(has_block_starting(blocks, "Yet another story"));
}

TEST_CASE("photo captions and credits are not the story's text", "[extract]") {
  std::string body = "<body><div class='article-body'>";
  for (int i = 1; i <= 2; ++i) body += paragraph(i);
  body += "<div class='InlineImage-embed'><img src='/jet.jpg'><div class='InlineImage-imageEmbedCaption'>A jet "
          "passes the crowd at the air show, on Monday, Nov. 13, 2017.</div><span class='image-credit'>A. "
          "Photographer | Agency</span></div>";
  for (int i = 3; i <= 4; ++i) body += paragraph(i);
  body += "</div></body>";
  const auto blocks = extract_main_text(HtmlDocument(body));
  CHECK(blocks.size() == 4);
  CHECK(has_block_starting(blocks, "Paragraph 3 "));
  CHECK_FALSE(has_block_starting(blocks, "A jet passes"));
  CHECK_FALSE(has_block_starting(blocks, "A. Photographer"));
}
