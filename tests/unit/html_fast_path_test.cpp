// The fast path of html_to_text and sanitize_html against gumbo: for every
// input the scanner accepts, both must give the same bytes. Inputs: tricky
// hand-written fragments, every text node of the feed fixtures and of the
// feedconf-dev documents, every named and many numeric references, and
// generated fragments (simple ones, which must be accepted, and broken ones).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <gumbo.h>
#include <pugixml.hpp>
#include <random>
#include <string>
#include <vector>

#include "feeds/encoding/charset.hpp"
#include "feeds/text/html_entities.hpp"
#include "feeds/text/html_paths.hpp"
#include "tests/support/support.hpp"

namespace {

using namespace feedsieve;

constexpr const char* kBase = "https://example.com/blog/post.html";

struct Tally {
  std::size_t accepted = 0;
  std::size_t refused = 0;
};

// Checks one input on both functions; returns whether the fast path took it for both.
bool same_as_gumbo(const std::string& html, Tally& tally) {
  const auto text = text_detail::html_to_text_fast(html);
  const auto safe = text_detail::sanitize_html_fast(html, kBase);
  if (text) {
    CAPTURE(html);
    REQUIRE(*text == text_detail::html_to_text_gumbo(html));
  }
  if (safe) {
    CAPTURE(html);
    REQUIRE(*safe == text_detail::sanitize_html_gumbo(html, kBase));
  }
  const bool both = text.has_value() && safe.has_value();
  ++(both ? tally.accepted : tally.refused);
  return both;
}

// Every text and CDATA node of an XML document (what feeds hand to the text functions).
std::vector<std::string> text_nodes(const std::string& bytes) {
  const DecodedDocument decoded = decode_xml_document(bytes, "");
  pugi::xml_document doc;
  doc.load_buffer(decoded.utf8.data(), decoded.utf8.size());
  std::vector<std::string> out;
  struct Collector : pugi::xml_tree_walker {
    std::vector<std::string>* out;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out->emplace_back(n.value());
      return true;
    }
  } collector;
  collector.out = &out;
  doc.traverse(collector);
  out.push_back(decoded.utf8);  // the whole document as a fragment too
  return out;
}

std::vector<std::filesystem::path> files_below(const std::string& relative) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_path(relative))) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

// Fragments of the markup feeds carry, and of the markup the scanner must refuse.
class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::string simple() {
    std::string out;
    block_content(out, 0);
    return out;
  }

  std::string broken() {
    static const std::vector<std::string> pieces = {
        "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<a href=\"/x\">", "</a>", "<div>", "</div>", "<li>", "</li>",
        "<ul>", "</ul>", "<br>", "<br/>", "</br>", "<img src=x>", "<img src='/i.png'>", "<pre>\n", "</pre>",
        "<table><tr><td>", "</td>", "<!-- c -->", "<script>x</script>", "<style>p{}</style>", "&", "&amp",
        "&nbsp", "&#x80;", "&#0;", "&#128512;", "&lang;", "&notit;", "<", ">", "\r\n", "\r", std::string("\0", 1),
        "\x01", "\xC2\x85", "\xFF", "\xEF\xBB\xBF", "<h1>", "</h1>", "<h2>", "<p/>", "<b/>", "<a href=\"x\" href=\"y\">",
        "<a title=\"&quot;\">", "<a\thref='/t'>", "<a href = \"/s\">", "<span class=x>", "<font>", "</font>",
        "<svg><circle/></svg>", "<dd>", "<dt>", "<rt>", "<iframe src=//e>", "<A HREF=\"/U\">", "</A>", "word ",
        " ", "\n", "caf\xC3\xA9", "<img alt=\"a\">", "<img src=\"javascript:alert(1)\">", "<a href=\"data:text/html,x\">",
        "<q cite=\"/c\">", "</q>", "<video controls src=\"/v.mp4\">", "</video>", "<wbr>", "<hr>", "<hr/>",
        // noncharacters (HTML makes them U+FFFD) and their neighbours (kept)
        "\xEF\xB7\x90", "\xEF\xB7\xAF", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xF0\x9F\xBF\xBE", "\xF4\x8F\xBF\xBF",
        "\xEF\xB7\xB0", "\xEF\xBF\xBD", "\xE0\xB7\x90", "<a href=\"/\xEF\xBF\xBF\">",
    };
    std::string out;
    const int n = pick(12) + 1;
    for (int i = 0; i < n; ++i) out += pieces[static_cast<std::size_t>(pick(static_cast<int>(pieces.size())))];
    return out;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  void text(std::string& out) {
    static const std::vector<std::string> words = {
        "model", "weights", " ", "  ", "\n", "\t", "caf\xC3\xA9", "\xE4\xB8\xAD\xE6\x96\x87", "&amp;", "&lt;",
        "&gt;", "&quot;", "&apos;", "&nbsp;", "&mdash;", "&eacute;", "&#39;", "&#x2019;", "&#128512;", "1 > 0",
        "a\xC2\xA0" "b", "\xE2\x80\x83", "&hellip;", "&copy;", "\"q\"", "'", "=", "/", "?", "&#9;", "&#10;",
        "&NotNestedGreaterGreater;", "&fjlig;",
    };
    const int n = pick(4) + 1;
    for (int i = 0; i < n; ++i) out += words[static_cast<std::size_t>(pick(static_cast<int>(words.size())))];
  }

  std::string attributes(std::string_view tag) {
    static const std::vector<std::string> hrefs = {
        "/post/1", "https://other.example/x?a=1&amp;b=2", "relative/path", "#frag", "mailto:a@example.com",
        "javascript:alert(1)", "  /spaced  ", "HTTP://UPPER.example/", "", "?q=&quot;x&quot;",
        "data:image/png;base64,AAAA", "java&#9;script:x", "//cdn.example/img.jpg",
    };
    std::string out;
    const auto href = [&] { return hrefs[static_cast<std::size_t>(pick(static_cast<int>(hrefs.size())))]; };
    if (tag == "a") out += " href=\"" + href() + "\"";
    if (tag == "img") out += pick(2) ? " src=\"" + href() + "\"" : " SRC='" + href() + "'";
    if (pick(3) == 0) out += " title=\"t &amp; \xC3\xA9\"";
    if (pick(4) == 0) out += " class=\"c\"";
    if (pick(6) == 0) out += " onclick=\"evil()\"";
    if (tag == "img" && pick(3) == 0) out += " srcset=\"/a.jpg 1x, /b.jpg 2x\" alt=''";
    return out;
  }

  void inline_content(std::string& out, int depth) {
    static const std::vector<std::string> inline_tags = {"b", "i", "em", "strong", "span", "a", "code", "sub",
                                                         "sup", "small", "u", "s", "q", "cite", "mark", "abbr"};
    const int n = pick(4) + 1;
    for (int i = 0; i < n; ++i) {
      const int what = pick(8);
      if (what < 4 || depth > 5) {
        text(out);
      } else if (what == 4) {
        out += pick(2) ? "<br>" : "<br />";
      } else if (what == 5) {
        out += "<img" + attributes("img") + (pick(2) ? ">" : "/>");
      } else {
        std::string tag = inline_tags[static_cast<std::size_t>(pick(static_cast<int>(inline_tags.size())))];
        if (tag == "a" && in_link_) tag = "b";
        const bool link = tag == "a";
        in_link_ = in_link_ || link;
        out += "<" + tag + attributes(tag) + ">";
        inline_content(out, depth + 1);
        out += "</" + tag + ">";
        if (link) in_link_ = false;
      }
    }
  }

  void block_content(std::string& out, int depth) {
    static const std::vector<std::string> blocks = {"p", "div", "blockquote", "h2", "ul", "figure", "section"};
    const int n = pick(3) + 1;
    for (int i = 0; i < n; ++i) {
      const int what = pick(6);
      if (what == 0 || depth > 3) {
        inline_content(out, depth);
        continue;
      }
      if (what == 1) {
        out += "<hr>";
        continue;
      }
      const std::string tag = blocks[static_cast<std::size_t>(pick(static_cast<int>(blocks.size())))];
      out += "<" + tag + ">";
      if (tag == "ul") {
        for (int k = pick(3) + 1; k > 0; --k) {
          out += "<li>";
          pick(2) ? inline_content(out, depth + 1) : block_content(out, depth + 1);
          out += "</li>";
          if (pick(2)) out += "\n";
        }
      } else if (tag == "p" || tag == "h2") {
        inline_content(out, depth + 1);
      } else {
        block_content(out, depth + 1);
      }
      out += "</" + tag + ">";
    }
  }

  std::mt19937 rng_;
  bool in_link_ = false;
};

}  // namespace

TEST_CASE("fast path: hand-written fragments agree with gumbo", "[text][fastpath]") {
  Tally tally;
  const std::vector<std::string> inputs = {
      "", "plain", "  spaced \n out  ", "<p>one</p><p>two</p>", "<b>Hel</b>lo", "a &amp; b &lt;c&gt;",
      "<p>x &nbsp;&mdash; y</p>", "<a href=\"/post/1\">link</a>", "<a href=\"javascript:alert(1)\">x</a>",
      "<img src=\"/i.jpg\" alt=\"x\">", "<img alt=\"no src\">", "<ul><li>a</li><li>b</li></ul>",
      "<p><div>x</div></p>", "<li>orphan</li>", "<ul><li>a<li>b</ul>", "<p>unclosed", "</p>", "<br/>", "<p/>",
      "<pre>\nx</pre>", "<a href=x>unquoted</a>", "<a href=\"a\" href=\"b\">dup</a>", "<A HREF=\"/UP\">up</A>",
      "&amp", "&notit;", "&lang;x&rang;", "&#x80;", "&#0;", "&#xD800;", "&#1114112;", "&#x10FFFF;", "&#xFFFE;",
      "<a><a>nested</a></a>", "<b><p>block in inline</p></b>", "<h1><h2>x</h2></h1>", "<h2>t <em>e</em></h2>",
      "x\r\ny", std::string("a\0b", 3), "\xEF\xBB\xBF" "bom", "\xC2\x85nel", "bad \xFF byte", "<!-- c -->x",
      "<script>alert(1)</script>x", "<p onclick=\"x()\" title=\"t\">p</p>", "<blockquote cite=\"/c\">q</blockquote>",
      "<img src=\"/a.jpg\" srcset=\"/a.jpg 1x, /b.jpg 2x\">", "<video controls src=\"/v.mp4\"></video>",
      "<a href=\"?a=1&amp;b=2\">q</a>", "<a title='it&apos;s'>s</a>", "<hr><hr/>", "<p>a<br>b</p>",
      "<span\tclass=\"c\"\n>tab</span>", "<a href = \"/s\">s</a>", "<b>x</b\n>", "<b>x</ b>", "<img src=\"/x\"/ >",
  };
  for (const std::string& html : inputs) same_as_gumbo(html, tally);
  CHECK(tally.accepted > 10);
  CHECK(tally.refused > 10);
}

TEST_CASE("fast path: an '&' that starts no reference is taken as text, as gumbo does", "[text][fastpath]") {
  Tally tally;
  for (const std::string html : {"fish & chips", "<b>a &</b>", "&", "a&", "& <i>x</i>", "&&amp;", "&;", "x &\n y",
                                 "<a title=\"a & b\" href=\"/q?x=1& y\">t</a>", "<img src=\"/&\" alt=\"&\">"}) {
    CAPTURE(html);
    CHECK(same_as_gumbo(html, tally));
  }
  // Still refused: what may be a reference HTML reads without its ';'.
  for (const std::string html : {"a &copy b", "&#", "&#;", "&x", "<a href=\"/q?a=1&b=2\">t</a>"}) {
    CAPTURE(html);
    CHECK_FALSE(same_as_gumbo(html, tally));
  }
}

TEST_CASE("fast path: every text node of the fixtures and feedconf documents agrees with gumbo", "[text][fastpath]") {
  Tally tally;
  std::vector<std::filesystem::path> files = files_below("tests/fixtures/feeds");
  const auto more = files_below("tests/corpora/feedconf-dev/docs");
  files.insert(files.end(), more.begin(), more.end());
  for (const auto& file : files) {
    for (const std::string& node : text_nodes(test::read_file(file))) same_as_gumbo(node, tally);
  }
  CHECK(tally.accepted > 100);
}

TEST_CASE("fast path: every named reference and many numeric ones agree with gumbo", "[text][fastpath]") {
  Tally tally;
  for (const std::string_view name : text_detail::html_entity_names()) {
    const std::string ref = "&" + std::string(name) + ";";
    same_as_gumbo("x" + ref + "y", tally);
    same_as_gumbo("<a title=\"" + ref + "\" href=\"/" + ref + "\">t</a>", tally);
  }
  for (const char* xml : {"amp", "lt", "gt", "quot", "apos"}) same_as_gumbo(std::string("<b>&") + xml + ";</b>", tally);
  for (std::uint32_t cp = 0; cp < 0x110010; cp += cp < 0x3000 ? 1 : 0x1FF) {
    same_as_gumbo("&#" + std::to_string(cp) + ";", tally);
  }
  for (const char* hex : {"&#x9;", "&#XA;", "&#x00041;", "&#xFDD0;", "&#x1FFFF;", "&#x1F600;", "&#x7F;", "&#x9F;"}) {
    same_as_gumbo(hex, tally);
  }
  CHECK(tally.accepted > 2000);
}

TEST_CASE("fast path: every tag gumbo knows, in any case, agrees with gumbo", "[text][fastpath]") {
  Tally tally;
  for (int t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
    const std::string lower = gumbo_normalized_tagname(static_cast<GumboTag>(t));
    std::string upper = lower;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string mixed = lower;
    if (!mixed.empty()) mixed[0] = upper[0];
    for (const std::string& name : {lower, upper, mixed}) {
      same_as_gumbo("<" + name + ">x</" + name + ">", tally);
      same_as_gumbo("<" + name + " title=\"t\">", tally);
      same_as_gumbo("<div><" + name + "/>y</div>", tally);
      same_as_gumbo("<p>a <" + name + ">b</" + lower + "> c</p>", tally);
    }
  }
  for (const std::string html : {"<blockquote>q</blockquote>", "<FIGCAPTION>c</FIGCAPTION>", "<Ul><lI>i</Li></uL>"}) {
    CAPTURE(html);
    CHECK(same_as_gumbo(html, tally));
  }
  // Names that only start like one of ours
  for (const std::string html : {"<bx>t</bx>", "<blockquotes>t</blockquotes>", "<h7>t</h7>", "<pp>t</pp>"}) {
    CAPTURE(html);
    CHECK_FALSE(same_as_gumbo(html, tally));
  }
  CHECK(tally.accepted > 100);
}

TEST_CASE("html_entity finds every name in its table and nothing else", "[text]") {
  const auto names = text_detail::html_entity_names();
  for (const std::string_view name : names) {
    CAPTURE(name);
    const auto cps = text_detail::html_entity_code_points(name);
    REQUIRE(cps);
    const auto text = text_detail::html_entity(name);
    REQUIRE(text);
    CHECK((*text)[0] == cps->first);
    CHECK(text->size() == (cps->second != 0 ? 2u : 1u));
    // The scanner tells lang and rang (XHTML's values, which HTML5 changed) by their code points.
    if (cps->first == 0x2329 || cps->first == 0x232A) CHECK((name == "lang" || name == "rang"));
    const std::string longer = std::string(name) + "x";
    if (std::find(names.begin(), names.end(), longer) == names.end()) CHECK_FALSE(text_detail::html_entity(longer));
    const std::string_view shorter = name.substr(0, name.size() - 1);
    if (std::find(names.begin(), names.end(), shorter) == names.end()) CHECK_FALSE(text_detail::html_entity(shorter));
  }
  for (const char* absent : {"", "amp", "lt", "gt", "quot", "apos", "NBSP", "nbspx", "copyright"}) {
    CAPTURE(absent);
    CHECK_FALSE(text_detail::html_entity(absent));
  }
  CHECK(*text_detail::html_entity("nbsp") == U"\u00A0");
  CHECK(*text_detail::html_entity("NotNestedGreaterGreater") == U"\u2AA2\u0338");
}

TEST_CASE("fast path: generated fragments agree with gumbo, and simple ones take the fast path", "[text][fastpath]") {
  Generator generator(20240501);
  Tally simple;
  for (int i = 0; i < 3000; ++i) {
    const std::string html = generator.simple();
    CAPTURE(html);
    CHECK(same_as_gumbo(html, simple));
  }
  Tally broken;
  for (int i = 0; i < 5000; ++i) same_as_gumbo(generator.broken(), broken);
  CHECK(broken.accepted > 50);
  CHECK(broken.refused > 1000);
}
