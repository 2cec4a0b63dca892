// Broken and hostile input: recovery where a human could still read the
// feed, a clean ParseError where nothing is a feed, bounded cost always.
#include <catch2/catch.hpp>

#include <algorithm>

#include "feeds/parse/parse.hpp"
#include "feeds/parse/xml_repair.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

bool has_warning_starting(const ParsedFeed& feed, const std::string& prefix) {
  for (const std::string& w : feed.warnings) {
    if (w.starts_with(prefix)) return true;
  }
  return false;
}

std::string parse_error_of(const std::string& bytes, const ParseOptions& options = {}) {
  try {
    parse_feed(bytes, options);
  } catch (const ParseError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("HTML named entities inside XML are decoded, CDATA left alone", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("html-named-entities-in-xml.xml"));
  // &nbsp; may end up as U+00A0 or as a plain space, whichever the text rules choose.
  CHECK(feed.title.find("&") == std::string::npos);
  CHECK(feed.title.ends_with("B \u2014 caf\u00e9 \u2026 \u2329x\u232a"));
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Tom & Jerry\u2122");
}

TEST_CASE("the entity pass rewrites only what needs it", "[parse][hostile]") {
  std::string plain = "<rss><channel><title>Fish &amp; chips &lt;3 &#233;</title>";
  for (int i = 0; i < 50; ++i) plain += "<item><title>Plain &quot;item&quot; " + std::to_string(i) + "</title></item>";
  plain += "<!-- &nbsp; in a comment --><![CDATA[&nbsp;]]><?pi &bogus; ?></channel></rss>";
  SECTION("a document with only XML's own references comes back as it is, in the same buffer") {
    const std::string expected = plain;
    const char* buffer = plain.data();
    const parse_detail::EntityPass pass = parse_detail::normalize_entities(std::move(plain), 1'000);
    CHECK(pass.xml == expected);
    CHECK(pass.xml.data() == buffer);
    CHECK_FALSE(pass.dropped_entities);
  }
  SECTION("an HTML reference or a bare '&' is rewritten, CDATA, comments and PIs left alone") {
    const std::string broken = plain + "<x>a&nbsp;b & c&eacute;</x>";
    const parse_detail::EntityPass pass = parse_detail::normalize_entities(broken, 1'000);
    CHECK(pass.xml.ends_with("<x>a&#160;b &amp; c&#233;</x>"));
    CHECK(pass.xml.find("<!-- &nbsp; in a comment --><![CDATA[&nbsp;]]><?pi &bogus; ?>") != std::string::npos);
    CHECK(pass.xml.starts_with("<rss><channel><title>Fish &amp; chips &lt;3 &#233;</title>"));
  }
}

TEST_CASE("an unescaped ampersand is read as text", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("unescaped-ampersand-in-text.xml"));
  CHECK(feed.title == "AT&T and Q&A");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Fish & Chips");
  CHECK(feed.items[0].link == "http://example.com/?a=1&b=2");
}

TEST_CASE("junk before the root element is skipped", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("junk-before-root-php-warning.xml"));
  CHECK(feed.title == "After the junk");
  CHECK(feed.items.size() == 1);
}

TEST_CASE("a truncated document keeps what arrived and warns", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("truncated-document.xml"));
  CHECK(feed.title == "Cut short");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[1].id == "b");
  CHECK(has_warning_starting(feed, "recovered from malformed XML: "));
}

TEST_CASE("an unclosed HTML tag in a description does not lose the items after it", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("unclosed-br-in-description.xml"));
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[1].title == "Two");
  CHECK(has_warning_starting(feed, "recovered from malformed XML: "));
}

TEST_CASE("stray end tags are dropped and matching ones close what they match", "[parse][hostile]") {
  // Two <a> open: two </a> close them, the third matches nothing open and is
  // dropped; </item> then closes the <x> left open, and the next item stays an item.
  const ParsedFeed feed = parse_feed(
      "<rss version=\"2.0\"><channel><title>t</title><item><title>One</title><x><a><a>v</a></a></a></b>"
      "<link>http://example.com/1</link></item><item><title>Two</title></item></channel></rss>");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].title == "One");
  CHECK(feed.items[0].link.empty());  // inside the unclosed <x>, not a child of the item
  CHECK(feed.items[1].title == "Two");
  CHECK(parse_detail::repair_markup("<r><a><a>v</a></a></a></b><c/></r>", 512) == "<r><a><a>v</a></a><c/></r>");
  CHECK(parse_detail::repair_markup("<r><a><b></a>t</b></r>", 512) == "<r><a><b></b></a>t</r>");
}

TEST_CASE("malformed markup is placed by line and column, in characters", "[parse][hostile]") {
  // The mismatched </item> closes an <x> opened on line 2; pugixml stops at its name.
  const ParsedFeed feed =
      parse_feed("<rss version=\"2.0\"><channel><title>t</title>\n<item><x>\n<guid>\xC3\xA9</guid></item></channel></rss>");
  CHECK(has_warning_starting(feed, "recovered from malformed XML: Start-end tags mismatch at line 3, column 17"));
  CHECK(parse_error_of("\n\n   ") == "parse: not a feed: empty document");
  // pugixml stops at the end: past two spaces and one (three-byte) dash.
  CHECK(parse_error_of("\n<!-- only -->\n  \xE2\x80\x94") == "parse: not a feed: No document element found at line 3, column 4");
}

TEST_CASE("references to no character become U+FFFD and say so", "[parse][hostile]") {
  const ParsedFeed feed =
      parse_feed("<rss version=\"2.0\"><channel><title>a &#1114112; b &#x110000; c &#55296; d &#0; e</title></channel></rss>");
  CHECK(feed.title == "a \uFFFD b \uFFFD c \uFFFD d \uFFFD e");
  CHECK(has_warning_starting(feed, "character references to no XML character replaced"));
  const ParsedFeed fine = parse_feed("<rss version=\"2.0\"><channel><title>&#233;&#x1F600;&#146;</title></channel></rss>");
  CHECK(fine.title == "\u00e9\U0001F600\u2019");
  CHECK(fine.warnings.empty());
}

TEST_CASE("broken JSON is placed by line and column", "[parse][hostile]") {
  const std::string trailing_comma = "{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [{\"id\": 1, }]}";
  CHECK(parse_error_of(trailing_comma) == "parse: not a feed: invalid JSON: syntax error at line 2, column 21");
  const std::string cut = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [";
  CHECK(parse_error_of(cut) == "parse: not a feed: invalid JSON: incomplete JSON at line 1, column 59");
}

TEST_CASE("a bare '<' in text is recovered as text", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("unescaped-less-than-in-title.xml"));
  CHECK(feed.title == "1 < 2 and 3 > 2");
}

TEST_CASE("entity bombs do not expand", "[parse][hostile]") {
  const std::string bytes = test::feed_fixture("billion-laughs-entity-bomb.xml");
  const ParsedFeed feed = parse_feed(bytes);
  CHECK(feed.title.size() < 100);
  CHECK(feed.title.find("lollol") == std::string::npos);
}

TEST_CASE("external entities are never read", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("xxe-external-entity.xml"));
  CHECK(feed.title.find("root:") == std::string::npos);
  CHECK(feed.title == "x&xxe;y&web;z");
}

TEST_CASE("simple internal entities of the document's own DTD are expanded", "[parse][hostile]") {
  CHECK(parse_feed(test::feed_fixture("internal-dtd-entity.xml")).title == "Example Site news");
}

TEST_CASE("many references to an internal entity stay within the expansion budget", "[parse][hostile]") {
  std::string bytes = "<!DOCTYPE rss [<!ENTITY big \"" + std::string(1000, 'x') + "\">]><rss><channel><title>";
  for (int i = 0; i < 2000; ++i) bytes += "&big;";
  bytes += "</title></channel></rss>";
  ParseOptions options;
  options.max_bytes = 100'000;
  const ParsedFeed feed = parse_feed(bytes, options);
  CHECK(feed.title.size() < 200'000);
  CHECK_FALSE(feed.warnings.empty());
}

TEST_CASE("entities may add a megabyte and eight times the document, not max_bytes", "[parse][hostile]") {
  // 68 KB of document asking for 64 MB: the default max_bytes used to be the budget.
  std::string bytes = "<!DOCTYPE rss [<!ENTITY big \"" + std::string(65'536, 'x') + "\">]><rss><channel><title>";
  for (int i = 0; i < 1000; ++i) bytes += "&big;";
  bytes += "</title></channel></rss>";
  const ParsedFeed feed = parse_feed(bytes);
  CHECK(feed.title.size() <= 1024 * 1024 + 8 * bytes.size());
  CHECK(std::find(feed.warnings.begin(), feed.warnings.end(),
                  "internal entities over the expansion budget were not expanded") != feed.warnings.end());
  // A feed that names its boilerplate with entities keeps them.
  std::string named = "<!DOCTYPE rss [<!ENTITY site \"Example Site\">]><rss><channel><title>&site;</title>";
  for (int i = 0; i < 500; ++i) named += "<item><title>&site; story " + std::to_string(i) + "</title></item>";
  named += "</channel></rss>";
  const ParsedFeed plain = parse_feed(named);
  CHECK(plain.warnings.empty());
  REQUIRE(plain.items.size() == 500);
  CHECK(plain.items[499].title == "Example Site story 499");
}

TEST_CASE("deep nesting is flattened without recursion, its text kept", "[parse][hostile]") {
  std::string bytes = "<rss><channel><title>deep</title><item><title>kept</title><description>";
  for (int i = 0; i < 100'000; ++i) bytes += "<x>";
  bytes += "core";
  for (int i = 0; i < 100'000; ++i) bytes += "</x>";
  bytes += "</description></item><item><title>after</title></item></channel></rss>";
  const ParsedFeed feed = parse_feed(bytes);
  CHECK(feed.title == "deep");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].title == "kept");
  CHECK(feed.items[0].summary == "core");
  CHECK(feed.items[1].title == "after");
  CHECK(std::find(feed.warnings.begin(), feed.warnings.end(), "elements nested deeper than 512 flattened") !=
        feed.warnings.end());
  std::string unclosed = "<rss><channel><title>deep</title>";
  for (int i = 0; i < 100'000; ++i) unclosed += "<x>";
  CHECK_NOTHROW(parse_feed(unclosed));  // repaired with the nesting cut at max_depth
}

TEST_CASE("documents over max_bytes are refused before any work", "[parse][hostile]") {
  ParseOptions options;
  options.max_bytes = 64;
  CHECK(parse_error_of(std::string(65, ' '), options).find("over the limit") != std::string::npos);
}

TEST_CASE("what is not a feed throws one clear line", "[parse][hostile]") {
  const std::string html = parse_error_of(test::feed_fixture("html-page-not-a-feed.html"));
  CHECK(html == "parse: not a feed: root element <html>");
  CHECK(parse_error_of("").find("empty") != std::string::npos);
  CHECK(parse_error_of("   \n").find("empty") != std::string::npos);
  CHECK(parse_error_of("just some words").find("not a feed") != std::string::npos);
  CHECK(parse_error_of("<opml version=\"2.0\"><body/></opml>") == "parse: not a feed: root element <opml>");
  CHECK(parse_error_of("[1, 2, 3]").find("not a feed") != std::string::npos);
}

TEST_CASE("many items parse in bounded time", "[parse][hostile]") {
  std::string bytes = "<rss version=\"2.0\"><channel><title>many</title>";
  for (int i = 0; i < 20'000; ++i) bytes += "<item><title>t</title><guid>" + std::to_string(i) + "</guid></item>";
  bytes += "</channel></rss>";
  CHECK(parse_feed(bytes).items.size() == 20'000);
}

TEST_CASE("an item lists at most 64 authors, categories and enclosures", "[parse][hostile]") {
  std::string bytes = "<rss version=\"2.0\"><channel><title>t</title><item><title>i</title>";
  for (int i = 0; i < 5000; ++i) bytes += "<category>tag" + std::to_string(i) + "</category>";
  for (int i = 0; i < 100; ++i)
    bytes += "<enclosure url=\"https://a.example/" + std::to_string(i) + ".mp3\" type=\"audio/mpeg\" length=\"1\"/>";
  bytes += "</item></channel></rss>";
  const ParsedFeed feed = parse_feed(bytes);
  REQUIRE(feed.items.size() == 1);
  REQUIRE(feed.items[0].categories.size() == 64);
  CHECK(feed.items[0].categories.front() == "tag0");
  CHECK(feed.items[0].categories.back() == "tag63");
  CHECK(feed.items[0].enclosures.size() == 64);

  std::string atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>";
  for (int i = 0; i < 200; ++i) atom += "<author><name>Author " + std::to_string(i) + "</name></author>";
  atom += "<entry><id>e</id><title>e</title></entry></feed>";
  const ParsedFeed shared = parse_feed(atom);
  REQUIRE(shared.items.size() == 1);
  CHECK(shared.items[0].authors.size() == 64);  // the feed's, inherited
}

TEST_CASE("an attribute is found by namespace among many prefixed ones of its name", "[parse][hostile]") {
  // rdf:about behind decoys in other namespaces, with prefixes bound on the
  // root and rebound on the item: the item's own binding wins. Past a few
  // decoys the prefixes are looked up in a map of the declarations in scope.
  const std::size_t decoys = GENERATE(3, 20, 50000);
  CAPTURE(decoys);
  std::string declarations, abouts;
  for (std::size_t i = 0; i < decoys; ++i) {
    declarations += " xmlns:p" + std::to_string(i) + "=\"urn:p" + std::to_string(i) + "\"";
    abouts += " p" + std::to_string(i) + ":about=\"urn:decoy" + std::to_string(i) + "\"";
  }
  const std::string rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  const std::string doc = "<r:RDF xmlns:r=\"" + rdf + "\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:a=\"urn:not-rdf\" xmlns:b=\"" +
                          rdf + "\"" + declarations + "><channel><title>t</title></channel>" +
                          "<item xmlns:a=\"" + rdf + "\"" + abouts + " a:about=\"urn:right\"><title>x</title></item>" +
                          "<item xmlns:b=\"urn:not-rdf\"" + abouts + " b:about=\"urn:wrong\"><title>y</title></item></r:RDF>";
  const ParsedFeed feed = parse_feed(doc);
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].id == "urn:right");
  CHECK(feed.items[1].id != "urn:wrong");
  CHECK(feed.items[1].id.starts_with("urn:feedsieve:"));  // no rdf:about: the fallback id
}

TEST_CASE("xml:base is the xml prefix's alone, and one longer than any URL is left out", "[parse][hostile]") {
  // Another prefix bound to the XML namespace is not allowed, so p:base is no base.
  const ParsedFeed bound = parse_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:p=\"http://www.w3.org/XML/1998/namespace\">"
      "<title>t</title><entry p:base=\"https://elsewhere.example/\" xml:base=\"https://a.example/d/\">"
      "<id>e</id><title>e</title><link href=\"x\"/></entry></feed>");
  REQUIRE(bound.items.size() == 1);
  CHECK(bound.items[0].link == "https://a.example/d/x");

  const std::string huge = "https://a.example/" + std::string(20'000, 'b') + "/";
  ParseOptions options;
  options.url = "https://feeds.example/rss";
  const ParsedFeed feed = parse_feed("<rss version=\"2.0\" xml:base=\"" + huge +
                                         "\"><channel><title>t</title><item><title>i</title><link>p</link></item>"
                                         "</channel></rss>",
                                     options);
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "https://feeds.example/p");
}

TEST_CASE("an element's attributes past the 256th are not read for namespaces, xml:lang or xml:base", "[parse][hostile]") {
  // Each lookup from an element below reads its ancestors' attributes: with
  // 20,000 on the root, 20,000 entries took seconds each way (xml:lang,
  // authors' namespaces, XHTML content).
  std::string filler;
  for (int i = 0; i < 20'000; ++i) filler += " f" + std::to_string(i) + "=\"v\"";
  std::string entries;
  for (int i = 0; i < 20'000; ++i) {
    entries += "<entry><id>" + std::to_string(i) + "</id><author><name>A</name></author>"
               "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><b>x</b> <i>y</i></div></content></entry>";
  }
  const ParsedFeed late = parse_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\"" + filler +
                                     " xml:lang=\"de\" xmlns:x=\"urn:x\">" + entries + "</feed>");
  REQUIRE(late.items.size() == 20'000);
  CHECK(late.items.back().content == "<b>x</b> <i>y</i>");
  CHECK(late.items.back().authors == std::vector<std::string>{"A"});
  CHECK(late.items.back().language.empty());  // the xml:lang after the filler is not read
  const ParsedFeed early = parse_feed("<feed xml:lang=\"de\" xmlns=\"http://www.w3.org/2005/Atom\"" + filler + ">" +
                                      entries.substr(0, 1000) + "</feed>");
  REQUIRE_FALSE(early.items.empty());
  CHECK(early.items[0].language == "de");
}

TEST_CASE("a field written 20,000 times over is read once", "[parse][hostile]") {
  std::string blanks;
  for (int i = 0; i < 20'000; ++i) blanks += "<![CDATA[ ]]>";
  std::string doc = "<rss version=\"2.0\"><channel><title>t</title><item><title>" + blanks + "</title>";
  for (int i = 0; i < 20'000; ++i) doc += "<title/>";
  doc += "<title>late</title></item></channel></rss>";
  const ParsedFeed feed = parse_feed(doc);
  REQUIRE(feed.items.size() == 1);
  // A field of more than 64 pieces counts as filled: the later one does not replace it.
  CHECK(feed.items[0].title.empty());
}

TEST_CASE("XHTML below hundreds of levels of declarations is written in linear time, prefixes resolved", "[parse][hostile]") {
  std::string declarations;
  for (int i = 0; i < 255; ++i) declarations += " xmlns:n" + std::to_string(i) + "=\"urn:n" + std::to_string(i) + "\"";
  std::string open, close;
  for (int i = 0; i < 200; ++i) {  // within the sanitizer's nesting cap
    open += "<div" + declarations + ">";
    close += "</div>";
  }
  std::string leaves;
  for (int i = 0; i < 5'000; ++i) leaves += "<b>x</b><n7:q>y</n7:q>";
  leaves += "<h:i xmlns:h=\"http://www.w3.org/1999/xhtml\">z</h:i>";
  const ParsedFeed feed = parse_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><content type=\"xhtml\">"
      "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + open + leaves + close + "</div></content></entry></feed>");
  REQUIRE(feed.items.size() == 1);
  const std::string& content = feed.items[0].content;
  CHECK(content.find("<b>x</b>y") != std::string::npos);  // n7:q is no HTML: unwrapped
  CHECK(content.find("<i>z</i>") != std::string::npos);   // XHTML's prefix dropped
}
