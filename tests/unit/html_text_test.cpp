// feeds/text: HTML to plain text, whitespace collapsing, the allowlist
// sanitizer, and the nesting cap that keeps gumbo linear on hostile input.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>

#include "feeds/text/gumbo_tree.hpp"
#include "feeds/text/html_text.hpp"

namespace {

using feedsieve::collapse_whitespace;
using feedsieve::html_to_text;
using feedsieve::limit_html_markup;
using feedsieve::MarkupLimits;
using feedsieve::sanitize_html;

struct Case {
  const char* input;
  const char* expected;
};

constexpr const char* kBase = "https://example.com/blog/post.html";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// limit_html_markup with a depth cap and no practical cap on the tags.
std::string nested(std::string_view html, std::size_t depth) {
  return limit_html_markup(html, {.depth = depth, .tags = 1'000'000});
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// What no sanitized output may contain, whatever the input.
void require_safe(const std::string& html) {
  const std::string l = lower(html);
  for (const char* bad : {"<script", "<style", "<iframe", "<frame", "<object", "<embed", "<applet", "<meta", "<link",
                          "<base", "<form", "<input", "<svg", "<math", "javascript:", "vbscript:", "livescript:",
                          " style=", "expression(", "data:text"}) {
    CAPTURE(html, bad);
    CHECK(l.find(bad) == std::string::npos);
  }
  // No event handler attribute: " on" followed by letters and '=' inside a
  // tag, outside its quoted attribute values (text there is only text).
  for (std::size_t lt = l.find('<'); lt != std::string::npos; lt = l.find('<', lt + 1)) {
    std::string tag;
    char quote = 0;
    std::size_t end = lt;
    for (; end < l.size() && (quote != 0 || l[end] != '>'); ++end) {
      if (quote == 0 && (l[end] == '"' || l[end] == '\'')) quote = l[end];
      else if (l[end] == quote) quote = 0;
      else if (quote == 0) tag += l[end];
    }
    for (std::size_t on = tag.find(" on"); on != std::string::npos; on = tag.find(" on", on + 1)) {
      std::size_t k = on + 3;
      while (k < tag.size() && std::isalpha(static_cast<unsigned char>(tag[k]))) ++k;
      CAPTURE(html);
      CHECK_FALSE((k < tag.size() && tag[k] == '='));
    }
    lt = end;
  }
}

}  // namespace

TEST_CASE("collapse_whitespace folds every kind of space and trims", "[text]") {
  const Case c = GENERATE(values<Case>({
      {"", ""},
      {"   ", ""},
      {"a", "a"},
      {"  a  b  ", "a b"},
      {"a\t\n\r\f\vb", "a b"},
      {"a\xC2\xA0\xC2\xA0" "b", "a b"},                // NBSP
      {"a\xE2\x80\x83" "b\xE3\x80\x80" "c", "a b c"},  // EM SPACE, IDEOGRAPHIC SPACE
      {"a\xE2\x80\xA8" "b\xE2\x80\xAF" "c", "a b c"},  // LINE SEPARATOR, NARROW NBSP
      {"\xC2\xA0" "a\xC2\xA0", "a"},
      {"a\xE2\x80\x8B" "b", "a\xE2\x80\x8B" "b"},  // ZERO WIDTH SPACE is not a space
      {"caf\xC3\xA9  \xE4\xB8\xAD\xE6\x96\x87", "caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87"},
      {"bad \xFF\xFE  bytes", "bad \xFF\xFE bytes"},
  }));
  CHECK(collapse_whitespace(c.input) == c.expected);
}

TEST_CASE("html_to_text strips tags, decodes entities and keeps words apart", "[text]") {
  const Case c = GENERATE(values<Case>({
      {"", ""},
      {"plain text", "plain text"},
      {"<p>one</p><p>two</p>", "one two"},
      {"one<br>two<br/>three", "one two three"},
      {"<ul><li>a</li><li>b</li></ul>", "a b"},
      {"<div>a</div><div>b</div>", "a b"},
      {"<h1>Title</h1>Body", "Title Body"},
      {"<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
      {"<b>Hel</b>lo <i>wor</i>ld", "Hello world"},
      {"<a href='x'>link</a>text", "linktext"},
      {"Fish &amp; Chips &lt;3 &quot;q&quot; &#39;s&#x27; &eacute;t&eacute; &mdash; &hellip;",
       "Fish & Chips <3 \"q\" 's' \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xE2\x80\xA6"},
      {"a&nbsp;&nbsp;b", "a b"},
      {"  lots \n\n of \t space  ", "lots of space"},
      {"<script>alert(1)</script>visible", "visible"},
      {"<style>p { color: red }</style>visible", "visible"},
      {"<noscript>no script runs here</noscript> visible", "no script runs here visible"},
      {"<template><p>hidden</p></template>visible", "visible"},
      {"x<!-- a comment -->y", "xy"},
      {"<p>unclosed <b>bold <i>both", "unclosed bold both"},
      {"<p>a<p>b", "a b"},
      {"a < b and c > d", "a < b and c > d"},
      {"1 &lt; 2", "1 < 2"},
      {"<img src='x.png' alt='pic'>caption", "caption"},
      {"<pre>  code\n  block</pre>", "code block"},
      {"<html><head><title>T</title></head><body><p>Body</p></body></html>", "T Body"},  // an embedded page's title
      {"a<title>page name</title>b", "a page name b"},  // a block of its own
      {"<svg><title>chart</title><circle r=\"5\"/></svg>caption", "chart caption"},  // a drawing's caption is kept
      {"<![CDATA[x]]>y", "xy"},  // a feed's CDATA in escaped HTML is text
      {"\xE4\xB8\xAD<b>\xE6\x96\x87</b>", "\xE4\xB8\xAD\xE6\x96\x87"},
      {"safe<object classid=\"x\"> description</object>", "safe description"},  // fallback text
      {"safe<iframe src=\"x\"> <b>description</b><script>x()</script></iframe>", "safe description"},
      {"safe<iframe src=\"x\"/> description", "safe description"},  // self-closed, XHTML style
      {"<svg><desc>drawing</desc><circle r=\"5\"/></svg> caption", "drawing caption"},
      // <svg> and <math> tags are dropped before parsing: an <iframe> inside is HTML's, and its
      // fallback is read once as markup, as a browser without frames shows it
      {"<svg><iframe>&lt;b&gt;no&lt;/b&gt;</iframe></svg>caption", "<b>no</b>caption"},
  }));
  CAPTURE(c.input);
  CHECK(html_to_text(c.input) == c.expected);
}

TEST_CASE("sanitize_html keeps harmless markup and resolves its links", "[text][sanitize]") {
  const Case c = GENERATE(values<Case>({
      {"", ""},
      {"plain", "plain"},
      {"<p>Hello <b>bold</b> <em>em</em></p>", "<p>Hello <b>bold</b> <em>em</em></p>"},
      {"<p>unclosed <b>bold", "<p>unclosed <b>bold</b></p>"},
      {"<a href=\"/x\">x</a>", "<a href=\"https://example.com/x\">x</a>"},
      {"<a href=\"other.html\">x</a>", "<a href=\"https://example.com/blog/other.html\">x</a>"},
      {"<a href=\"//cdn.example.net/y\">y</a>", "<a href=\"https://cdn.example.net/y\">y</a>"},
      {"<a href=\"#sec\">s</a>", "<a href=\"https://example.com/blog/post.html#sec\">s</a>"},
      {"<a href=\"mailto:a@example.com\">m</a>", "<a href=\"mailto:a@example.com\">m</a>"},
      {"<a href=\"http://x.org/?a=1&amp;b=2\" title='say \"hi\"'>q</a>",
       "<a href=\"http://x.org/?a=1&amp;b=2\" title=\"say &quot;hi&quot;\">q</a>"},
      {"<img src=\"pic.png\" alt=\"A &amp; B\" width=\"10\" height=\"20\">",
       "<img src=\"https://example.com/blog/pic.png\" alt=\"A &amp; B\" width=\"10\" height=\"20\">"},
      {"<img src=\"a.png\" srcset=\"a-1x.png 1x, /b-2x.png 2x,javascript:alert(1) 3x\">",
       "<img src=\"https://example.com/blog/a.png\" srcset=\"https://example.com/blog/a-1x.png 1x, "
       "https://example.com/b-2x.png 2x\">"},
      {"<img alt=\"no source\">", ""},
      {"<img src=\"data:image/png;base64,iVBORw0KGgo=\">", "<img src=\"data:image/png;base64,iVBORw0KGgo=\">"},
      {"<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", ""},
      {"<a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>", "<a>d</a>"},
      {"<table><tr><td colspan=\"2\" onclick=\"x()\">c</td></tr></table>",
       "<table><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table>"},
      {"<blockquote cite=\"/src\">q</blockquote>", "<blockquote cite=\"https://example.com/src\">q</blockquote>"},
      {"<time datetime=\"2024-05-01\">May</time>", "<time datetime=\"2024-05-01\">May</time>"},
      {"<video src=\"v.mp4\" poster=\"p.jpg\" controls><source src=\"v.webm\" type=\"video/webm\"></video>",
       "<video src=\"https://example.com/blog/v.mp4\" poster=\"https://example.com/blog/p.jpg\" controls=\"\">"
       "<source src=\"https://example.com/blog/v.webm\" type=\"video/webm\"></video>"},
      {"a<br>b<hr>c", "a<br>b<hr>c"},
      {"1 &lt; 2 &amp; 3 &gt; 2", "1 &lt; 2 &amp; 3 &gt; 2"},
      {"<p>caf\xC3\xA9 &eacute;</p>", "<p>caf\xC3\xA9 \xC3\xA9</p>"},
      // Unknown and disallowed-but-harmless elements are unwrapped
      {"<blink>safe</blink> <marquee>text</marquee>", "safe text"},
      {"<custom-el foo=\"bar\"><b>in</b></custom-el>", "<b>in</b>"},
      {"<font color=red>red</font>", "red"},
      {"<html><body><p>x</p></body></html>", "<p>x</p>"},
      // Embedded things lose their tags; the fallback text a reader would see stays
      {"<object data=\"x.swf\"><param name=a value=b>fallback</object>safe", "fallbacksafe"},
      {"<applet code=\"x\">fallback</applet>safe", "fallbacksafe"},
      // An iframe's content is raw text to HTML: read again as markup, sanitized, and kept
      {"<iframe src=\"//evil\">fallback</iframe>safe", "fallbacksafe"},
      {"<iframe src=\"//evil\"> <b>bold</b><script>x()</script><img src=x onerror=y()></iframe>", " <b>bold</b><img src=\"https://example.com/blog/x\">"},
      {"a<iframe src=\"//evil\"/> b", "a b"},  // self-closed as in XHTML: what follows is not lost
      {"<iframe><iframe>inner</iframe>outer</iframe>", "outer"},  // only one level: a frame in the fallback is dropped
      // <svg> and <math> tags are dropped before parsing: an <iframe> inside is HTML's, and its
      // fallback stays text (an escaped tag in it loads nothing)
      {"<svg><iframe>1 &lt; 2 &lt;img src=//t.example/p.gif&gt;</iframe></svg>safe",
       "1 &lt; 2 &lt;img src=//t.example/p.gif&gt;safe"},
      {"<form action=\"/x\"><input name=q><button>go</button></form>safe", "gosafe"},
      {"<svg><script>alert(1)</script><desc><abbr>t</abbr></desc><circle r=\"5\"/></svg>safe", "<abbr>t</abbr>safe"},
      {"<math><mi>x</mi></math>safe", "xsafe"},
      {"<svg><title>chart</title><style>c{}</style><circle r=\"5\"/></svg>safe", "chartsafe"},  // a drawing's caption
      // Dropped with their content
      {"<script>alert(1)</script>safe", "safe"},
      {"<SCRIPT SRC=//evil.example/x.js></SCRIPT>safe", "safe"},
      {"<style>body{}</style>safe", "safe"},
      {"<embed src=\"x.swf\">safe", "safe"},
      {"<meta http-equiv=refresh content=0><link rel=stylesheet href=x><base href=//evil>safe", "safe"},
      {"<template><p>t</p></template>safe", "safe"},
      {"<textarea>t</textarea><select><option>o</option></select>safe", "safe"},
      // What a reader without scripts sees, and this output runs none: unwrapped
      {"<noscript><p>x</p></noscript>safe", "<p>x</p>safe"},
      {"<img data-src=\"lazy.jpg\"><noscript><img src=\"real.jpg\"></noscript>",
       "<img src=\"https://example.com/blog/real.jpg\">"},
      // Attributes
      {"<p onclick=\"x()\" style=\"color:red\" class=\"c\" id=\"i\">p</p>", "<p>p</p>"},
      {"<span title=\"t\" onmouseover=\"x()\">s</span>", "<span title=\"t\">s</span>"},
      {"<a href=\"/x\" target=\"_blank\" rel=\"opener\">x</a>", "<a href=\"https://example.com/x\">x</a>"},
      {"<!-- comment -->kept", "kept"},
      // HTML drops the newline right after <pre>: a second one, the first line's, is written twice
      {"<pre>\ncode</pre>", "<pre>code</pre>"},
      {"<pre>\n\nafter a blank line</pre>", "<pre>\n\nafter a blank line</pre>"},
      {"<pre><b>\nbold</b></pre>", "<pre><b>\nbold</b></pre>"},
  }));
  CAPTURE(c.input);
  const std::string out = sanitize_html(c.input, kBase);
  CHECK(out == c.expected);
  require_safe(out);
}

TEST_CASE("sanitized HTML reads back as the same HTML", "[text][sanitize]") {
  const std::string input = GENERATE(as<std::string>{}, "<pre>\n\nafter a blank line</pre>", "<pre>\n\n\nx\n</pre>",
                                     "<p>a <a href=\"/x\">b</a> &amp; c</p>", "<table><tr><td>c</td></tr></table>");
  CAPTURE(input);
  const std::string once = sanitize_html(input, kBase);
  CHECK(sanitize_html(once, kBase) == once);
}

TEST_CASE("sanitize_html drops script URLs however they are disguised", "[text][sanitize]") {
  const char* input = GENERATE(
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
      "<a href=\" javascript:alert(1)\">x</a>",
      "<a href=\"java\tscript:alert(1)\">x</a>",
      "<a href=\"java&#9;script:alert(1)\">x</a>",
      "<a href=\"java&#x09;script:alert(1)\">x</a>",
      "<a href=\"java&Tab;script:alert(1)\">x</a>",
      "<a href=\"java&#10;script:alert(1)\">x</a>",
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
      "<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>",
      "<a href=\"javascript&colon;alert(1)\">x</a>",
      "<a href=\"&amp;#106;avascript:alert(1)\">x</a>",
      "<a href=\"\x01javascript:alert(1)\">x</a>",
      "<a href=\"vbscript:msgbox(1)\">x</a>",
      "<a href=\"livescript:x\">x</a>",
      "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
      "<img src=\"javascript:alert(1)\">",
      "<img src=\"java\nscript:alert(1)\">",
      "<img src=x onerror=alert(1)>",
      "<img srcset=\"javascript:alert(1) 1x\" src=\"ok.png\">",
      "<video poster=\"javascript:alert(1)\"></video>",
      "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
      "<a href=\"file:///etc/passwd\">x</a>");
  CAPTURE(input);
  const std::string out = sanitize_html(input, kBase);
  require_safe(out);
  CHECK(lower(out).find("script:") == std::string::npos);
  CHECK(out.find("file:") == std::string::npos);
}

TEST_CASE("sanitize_html survives broken and hostile markup", "[text][sanitize]") {
  const char* input = GENERATE(
      "<p>unclosed <a href='/x'>link <b>bold",
      "</p></div></b>stray end tags",
      "<<script>script>alert(1)<</script>/script>",
      "<scr<script>ipt>alert(1)</script>",
      "<img \"\"\"><script>alert(1)</script>\">",
      "<a href=\"/x\"onclick=\"x()\">glued attributes</a>",
      "<div style=\"background:url(javascript:alert(1))\">css</div>",
      "<div style=\"width: expression(alert(1))\">css</div>",
      "<p title=\"</p><script>alert(1)</script>\">attr</p>",
      "<!--><script>alert(1)</script>-->",
      "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
      "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
      "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
      "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
      "<a href=\"/x\">\xFF\xFE invalid UTF-8 \xC3</a>",
      "<table><td><script>alert(1)</script>cell",
      "<select><script>alert(1)</script></select>");
  CAPTURE(input);
  require_safe(sanitize_html(input, kBase));
  CHECK(html_to_text(input).find("alert(1)</script") == std::string::npos);
}

TEST_CASE("deep nesting costs neither the stack nor quadratic time", "[text][hostile]") {
  constexpr std::size_t kDepth = 100'000;
  const char* tag = GENERATE("div", "b", "span", "blockquote", "a", "table", "ul><li");
  CAPTURE(tag);
  const std::string open = std::string("<") + tag + ">";
  const std::string html = repeat(open, kDepth) + "deep text";

  const std::string text = html_to_text(html);
  CHECK(text == "deep text");

  const std::string safe = sanitize_html(html, kBase);
  CHECK(safe.find("deep text") != std::string::npos);
  require_safe(safe);
}

namespace {

// The depth of the tree gumbo builds from `html` after limit_html_markup.
std::size_t parsed_depth(std::string_view html) {
  struct Depth {
    std::size_t now = 0;
    std::size_t most = 0;
    bool enter(const GumboNode& node) {
      if (!feedsieve::text_detail::is_element(node)) return false;
      most = std::max(most, ++now);
      return true;
    }
    void leave(const GumboNode&) { --now; }
  } depth;
  const auto parsed = feedsieve::text_detail::parse_fragment(html);
  feedsieve::text_detail::walk(parsed.nodes(), depth);
  return depth.most;
}

}  // namespace

// Markup that HTML nests without a plain run of start tags: the model of the
// stack of open elements must count it, or gumbo's depth (and time, and with
// parse errors kept, memory) grows with the square of the input.
TEST_CASE("markup that nests in HTML's own ways is capped too", "[text][hostile]") {
  const char* piece = GENERATE("<div/>", "<noscript>", "<template>", "<b><div></b>", "<a><p></a>", "<rt>",
                               "<li><dd>", "<optgroup>", "<option><span>", "<noscript><svg>", "<svg><noscript>",
                               "<svg><style>", "<math><mi><style></math><div></style>",
                               "<svg><foreignObject><style></svg></style>", "<<svg>div>");
  CAPTURE(piece);
  const std::string html = repeat(piece, 5'000);
  CHECK(parsed_depth(html) <= 300);  // the cap is 256, plus what a fragment's own wrappers add
}

// What the model must read as HTML does, or what follows goes to gumbo uncounted.
TEST_CASE("HTML's own reading of comments and attributes and end tags keeps the cap", "[text][hostile]") {
  const std::string divs = repeat("<div>x", 5'000);
  const std::string html = GENERATE_COPY(
      "<!-->" + divs, "<!--->" + divs, "<!-- a --!>" + divs,  // comments that end early
      "<div =\">" + divs + "\">",                            // a '=' where a name starts begins one
      "<![CDATA[><script>]]>" + divs,                         // CDATA made text before the count
      repeat("<span><div>x</span>", 5'000),                   // an end tag that stops at a block
      repeat("<div><object>x</div>", 5'000),                  // or at a scope marker
      repeat("<b>", 8) + repeat("<b><span></b>", 5'000));     // or at a start tag that was dropped
  CAPTURE(html.substr(0, 40));
  CHECK(parsed_depth(html) <= 300);
}

TEST_CASE("attributes with no space between them count against the cap", "[text][hostile]") {
  std::string tag = "<b ";
  for (int i = 0; i < 1000; ++i) tag += "x" + std::to_string(i) + "=\"\"";
  const std::string limited = limit_html_markup(tag + ">t</b>", {.depth = 256, .tags = 1000});
  CHECK(limited.size() < 2'000);
  CHECK(limited.ends_with(">t</b>"));
}

TEST_CASE("svg and math tags are dropped before gumbo, their content read as HTML", "[text]") {
  CHECK(nested("a<svg viewBox='0 0 1 1'><g>b</g></svg>c", 8) == "a<g>b</g>c");
  CHECK(nested("<MATH><mi>x</mi></MATH>", 8) == "<mi>x</mi>");
  CHECK(nested("<<svg>div>", 8) == "< div>");  // never a new tag out of the pieces around it
}

TEST_CASE("deep nesting with closing tags keeps every word", "[text][hostile]") {
  constexpr std::size_t kDepth = 50'000;
  const std::string html = repeat("<div>w", kDepth) + repeat("</div>", kDepth) + "<p>after</p>";
  const std::string text = html_to_text(html);
  CHECK(std::count(text.begin(), text.end(), 'w') == static_cast<long>(kDepth));
  CHECK(text.ends_with("after"));
}

TEST_CASE("limit_html_markup caps depth and leaves shallow markup alone", "[text]") {
  const std::string shallow = "<div><p>a<b>b</b></p><ul><li>x<li>y</ul><br><img src=x></div><!-- <div> -->";
  CHECK(nested(shallow, 4) == shallow);

  CHECK(nested("<div><div><div>x</div></div></div>", 2) == "<div><div> x </div></div>");
  CHECK(nested("<b><i><u>x", 1) == "<b>  x");
  // End tags that close nothing do not hide depth
  CHECK(nested("<div></x><div></x><div>x", 2) == "<div></x><div></x> x");
  // Elements whose end tag is implied do not count
  CHECK(nested("<p>a<p>b<p>c<li>d<li>e", 1) == "<p>a<p>b<p>c<li>d<li>e");
  // Raw text is not markup, and a too-deep raw-text element goes whole
  CHECK(nested("<div><script>if (a<b) { '<div>' }</script></div>", 2) ==
        "<div><script>if (a<b) { '<div>' }</script></div>");
  CHECK(nested("<div><script>x()</script>y</div>", 0) == "  y ");
  // Quoted '>' inside an attribute
  CHECK(nested("<div title='a>b'><div>x", 1) == "<div title='a>b'> x");
  // A tag that never ends holds the rest of the input: nothing in it opens anything
  CHECK(nested("<div><a href=\"x <div><div>y", 1) == "<div><a href=\"x <div><div>y");
  std::string unterminated;
  for (int i = 0; i < 50'000; ++i) unterminated += "<xy";
  CHECK(nested(unterminated, 4) == unterminated);
}

TEST_CASE("limit_html_markup keeps so many tags and reads the rest as text", "[text]") {
  const MarkupLimits three{.depth = 10, .tags = 3};
  CHECK(limit_html_markup("<div>a</div><span>b</span><q>c</q><ins>d</ins>", three) ==
        "<div>a</div><span>b</span><q>c</q> d ");
  // End tags of kept elements are kept; stray ones take room, as HTML may make an element of them.
  CHECK(limit_html_markup("<div>a</p></p></div><br>b", three) == "<div>a</p></p></div> b");
  CHECK(limit_html_markup("<div>a</div><br><script>x()</script>b", {.depth = 10, .tags = 2}) == "<div>a</div><br> b");
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "</p>";
  CHECK(limit_html_markup(many + "x", three) == "</p></p></p>" + std::string(997, ' ') + "x");
}

TEST_CASE("limit_html_markup keeps a tag's first 64 attributes", "[text][hostile]") {
  std::string attributes;
  for (int i = 0; i < 100; ++i) attributes += " a" + std::to_string(i) + "=\"v w\"";
  std::string first64;
  for (int i = 0; i < 64; ++i) first64 += " a" + std::to_string(i) + "=\"v w\"";
  CHECK(nested("<span" + attributes + ">x</span>", 8) == "<span" + first64 + " >x</span>");
  CHECK(nested("<img" + attributes + "/>", 8) == "<img" + first64 + " />");
  CHECK(nested("<style" + attributes + ">p{}</style>", 8) == "<style" + first64 + " >p{}</style>");
  CHECK(nested("<span" + first64 + ">x</span>", 8) == "<span" + first64 + ">x</span>");
  // Both HTML paths check each attribute against the others: thousands stay cheap.
  std::string many;
  for (int i = 0; i < 20'000; ++i) many += " t" + std::to_string(i) + "=\"1\"";
  const std::string safe = sanitize_html("<span title=\"kept\"" + many + ">text</span>", kBase);
  CHECK(safe == "<span title=\"kept\">text</span>");
  CHECK(html_to_text("<font" + many + ">text</font>") == "text");
}

TEST_CASE("limit_html_markup keeps few formatting elements open, since HTML reopens them at every block",
          "[text][hostile]") {
  // At most eight open at once; closed ones make room again.
  CHECK(nested(repeat("<b>", 10) + "x", 64) == repeat("<b>", 8) + "  x");
  CHECK(nested(repeat("<i>a</i>", 20), 64) == repeat("<i>a</i>", 20));
  // 250 unclosed <b title=N> then 30k paragraphs: gumbo would rebuild all 250 in each.
  std::string hostile = "<p>";
  for (int i = 0; i < 250; ++i) hostile += "<b title=\"" + std::to_string(i) + "\">";
  hostile += "</p>" + repeat("<p>x</p>", 30'000);
  const std::string safe = sanitize_html(hostile, kBase);
  CHECK(std::count(safe.begin(), safe.end(), 'x') == 30'000);
  CHECK(safe.size() < 4 * hostile.size());
}

TEST_CASE("plain text keeps of a <title> what the sanitizer keeps", "[text][sanitize]") {
  // HTML's <title> in a fragment is an embedded page's headline, an SVG or
  // MathML <title> a caption: both keep the text of either.
  for (const char* input : {"a <title>page</title> b", "<p>a</p><title>page</title><p>b</p>",
                            "<svg><title>chart</title></svg> b", "<math><title>m</title></math> b",
                            "<div><title>t &amp; u</title> x</div>"}) {
    CAPTURE(input);
    CHECK(html_to_text(input) == html_to_text(sanitize_html(input, kBase)));
  }
  CHECK(html_to_text("a <title>page</title> b") == "a page b");
  CHECK(sanitize_html("a <title>page</title> b", kBase) == "a page b");
  CHECK(html_to_text("<svg><title>chart</title></svg> b") == "chart b");
}

TEST_CASE("a CDATA section in escaped HTML is text, not a comment to drop", "[text][sanitize]") {
  CHECK(html_to_text("<![CDATA[some text]]>") == "some text");
  CHECK(html_to_text("<p>a <![CDATA[b <i>not a tag</i>]]> c</p>") == "a b <i>not a tag</i> c");
  CHECK(sanitize_html("<p>a<![CDATA[ <script>x()</script> & \"q\" ]]>b</p>", kBase) ==
        "<p>a &lt;script&gt;x()&lt;/script&gt; &amp; \"q\" b</p>");
  CHECK(html_to_text("two <![CDATA[one]]> <![CDATA[left open") == "two one left open");
  CHECK(html_to_text("<svg><![CDATA[in svg]]></svg>") == "in svg");
}
