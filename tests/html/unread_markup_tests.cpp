#include <catch2/catch.hpp>

#include "feeds/html/document.hpp"
#include "feeds/html/unread_markup.hpp"

using namespace feedsieve;

TEST_CASE("script and style bodies and comments go; tags and text stay", "[html]") {
  CHECK(drop_unread_markup("<p>a</p><script src=x.js>var a = '<p>';</script><p>b</p>") ==
        "<p>a</p><script src=x.js></script><p>b</p>");
  CHECK(drop_unread_markup("<STYLE media=print>p{}</Style ><!-- note --><p>c") == "<STYLE media=print></Style ><p>c");
  CHECK(drop_unread_markup("x<!---->y<!-->z<!--->w") == "xyzw");
  CHECK(drop_unread_markup("<p>unterminated <!-- comment") == "<p>unterminated ");
  CHECK(drop_unread_markup("<script>never closed") == "<script>");
}

TEST_CASE("inline SVG bodies go, nested ones counted", "[html]") {
  CHECK(drop_unread_markup("<a><svg viewBox='0 0 1 1'><svg><path d='M0'/></svg><use/></svg>Share</a>") ==
        "<a><svg viewBox='0 0 1 1'></svg>Share</a>");
  CHECK(drop_unread_markup("<svg/><p>x</p>") == "<svg/><p>x</p>");
  CHECK(drop_unread_markup("<svg><path/>") == "<svg><path/>");  // never closed: left to the parser
  // After one that is never closed, every later SVG is left to the parser too.
  CHECK(drop_unread_markup("<svg><svg><path/></svg><p>x</p>") == "<svg><svg><path/></svg><p>x</p>");
  std::string unclosed;
  for (int i = 0; i < 20'000; ++i) unclosed += "<svg>";
  CHECK(drop_unread_markup(unclosed) == unclosed);
}

TEST_CASE("JSON-LD scripts are kept whole", "[html]") {
  const std::string ld = R"(<script type="application/ld+json">{"headline": "</p>"}</script>)";
  CHECK(drop_unread_markup(ld) == ld);
}

TEST_CASE("what looks like a script inside values and raw text is not one", "[html]") {
  const std::string attribute = R"(<div data-html="<script>x</script>" title='a > b'>text</div>)";
  CHECK(drop_unread_markup(attribute) == attribute);
  const std::string title = "<title>How <script> tags work</title><p>body</p>";
  CHECK(drop_unread_markup(title) == title);
  const std::string textarea = "<textarea><!-- not a comment --></textarea>";
  CHECK(drop_unread_markup(textarea) == textarea);
}

TEST_CASE("a script ends where the tokenizer ends it", "[html]") {
  // Inside "<!--" a nested "<script>...</script>" does not close the outer script.
  CHECK(drop_unread_markup("<script><!-- document.write('<script>x</script>'); --></script><p>after") ==
        "<script></script><p>after");
  CHECK(drop_unread_markup("<script>a = b-->c; </scripts> </script ><p>x") == "<script></script ><p>x");
}

TEST_CASE("the parsed page keeps its text and JSON-LD without scripts", "[html]") {
  const HtmlDocument page(R"(<html><head><script>var t = "<title>no</title>";</script>
      <script type="application/ld+json">{"@type": "NewsArticle"}</script><title>Yes</title></head>
      <body><!-- c --><p>One <b>two</b></p></body></html>)");
  CHECK(html::text_of(*page.body()) == "One two");
  CHECK(html::text_of(*page.head()) == "Yes");
}

TEST_CASE("past its first 100,000 tags a page's markup is read as text only", "[html]") {
  std::string body = "<body><p>first</p>";
  for (int i = 0; i < 120'000; ++i) body += "a<br>";
  body += "<p>last</p></body>";
  const HtmlDocument page(body);
  const GumboVector& children = page.body()->v.element.children;
  std::size_t elements = 0;
  for (unsigned i = 0; i < children.length; ++i)
    elements += static_cast<const GumboNode*>(children.data[i])->type == GUMBO_NODE_ELEMENT ? 1 : 0;
  CHECK(elements < 100'000);
  const std::string text = html::text_of(*page.body());
  CHECK(text.starts_with("first"));
  CHECK(text.ends_with("a last"));
}
