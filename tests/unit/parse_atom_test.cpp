// Atom 1.0 and 0.3 parsing, and JSON Feed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "feeds/date/date.hpp"
#include "feeds/parse/parse.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

TEST_CASE("an Atom 1.0 entry maps every field of the model", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("atom10-full-entry.xml"));
  CHECK(feed.format == FeedFormat::atom10);
  CHECK(format_name(feed.format) == "atom1.0");
  CHECK(feed.title == "Blog title");                       // type="html"
  CHECK(feed.description == "Less <than> literal");        // type="text" stays literal
  CHECK(feed.link == "https://blog.example.com/");         // rel="alternate", not rel="self"
  REQUIRE(feed.items.size() == 2);

  const Item& entry = feed.items[0];
  CHECK(entry.id == "tag:blog.example.com,2024:1");
  CHECK(entry.title == "History of the <blink> tag");
  CHECK(entry.link == "https://blog.example.com/posts/1");  // no rel = alternate; rel="edit" skipped
  CHECK(entry.summary == "Short summary");                  // xhtml, wrapper div dropped
  CHECK(entry.content.find("onerror") == std::string::npos);
  CHECK(entry.content.find("https://cdn.example.com/posts/pic.png") != std::string::npos);
  CHECK(entry.authors == std::vector<std::string>{"Ann <ann@example.com>"});  // the contributor is not an author
  CHECK(entry.categories == std::vector<std::string>{"ai"});
  REQUIRE(entry.enclosures.size() == 1);
  CHECK(entry.enclosures[0] == Enclosure{"https://blog.example.com/media/1.mp3", "audio/mpeg", 321});
  REQUIRE(entry.published.has_value());
  REQUIRE(entry.updated.has_value());
  CHECK(format_rfc3339(*entry.published) == "2024-05-01T10:00:00Z");
  CHECK(format_rfc3339(*entry.updated) == "2024-05-02T08:30:00Z");
}

TEST_CASE("an Atom entry without authors inherits the feed's", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("atom10-full-entry.xml"));
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[1].authors == std::vector<std::string>{"Feed Author"});
}

TEST_CASE("contributors stand in when nobody is named an author", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id>"
      "<contributor><name>Cy</name><email>cy@example.com</email></contributor></entry></feed>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].authors == std::vector<std::string>{"Cy <cy@example.com>"});
}

TEST_CASE("nested relative xml:base values build on each other", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("atom-nested-relative-xml-base.xml"));
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "http://example.org/root/section/deeper/page.html");
  CHECK(feed.items[0].content.find("http://example.org/root/up.html") != std::string::npos);
}

TEST_CASE("relative xml:base values apply without a document URL, and the links stay relative", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='/podcast/'><entry xml:base='season-2/'><id>1</id>"
      "<link href='ep1'/><link rel='enclosure' href='ep1.mp3' type='audio/mpeg' length='9'/>"
      "<content type='html'>&lt;a href=\"../notes.html\"&gt;notes&lt;/a&gt;</content></entry></feed>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "/podcast/season-2/ep1");
  REQUIRE(feed.items[0].enclosures.size() == 1);
  CHECK(feed.items[0].enclosures[0].url == "/podcast/season-2/ep1.mp3");
  CHECK(feed.items[0].content == "<a href=\"/podcast/notes.html\">notes</a>");
}

TEST_CASE("the document URL is the base when there is no xml:base", "[parse][atom]") {
  ParseOptions options;
  options.url = "https://site.example/feeds/all.atom";
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id><link href='../post'/></entry></feed>", options);
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "https://site.example/post");
}

TEST_CASE("Atom 0.3 modes: base64, escaped, xml", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("atom03-modes.xml"));
  CHECK(feed.format == FeedFormat::atom03);
  CHECK(format_name(feed.format) == "atom0.3");
  CHECK(feed.title == "Example <b>Atom</b>");  // base64 of text/plain: literal
  CHECK(feed.description == "Tagline");        // escaped HTML
  CHECK(feed.link == "http://example.com/");
  REQUIRE(feed.items.size() == 1);
  const Item& entry = feed.items[0];
  CHECK(entry.title == "Literal <b>");
  CHECK(entry.link == "http://example.com/e1");
  // 0.3's inline XHTML has no wrapper: its <div> is content (1.0's type="xhtml" div is not).
  CHECK(entry.content == "<div>X<b>Y</b></div>");
  REQUIRE(entry.published.has_value());
  CHECK(format_rfc3339(*entry.published) == "2004-01-01T19:48:21Z");
  REQUIRE(entry.updated.has_value());
  CHECK(format_rfc3339(*entry.updated) == "2004-01-02T10:00:00Z");
}

TEST_CASE("Atom 0.3 XHTML in mode=\"escaped\" is markup once unescaped", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed version='0.3' xmlns='http://purl.org/atom/ns#'><entry><id>1</id>"
      "<summary type='application/xhtml+xml' mode='escaped'>&lt;p&gt;hi &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;</summary>"
      "<content type='application/xhtml+xml' mode='escaped'>&lt;p&gt;hi &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;</content>"
      "</entry></feed>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].summary == "hi there");
  CHECK(feed.items[0].content == "<p>hi <b>there</b></p>");
}

TEST_CASE("JSON Feed authors known by a URL or a bare name; attachments without a URL are none", "[parse][json]") {
  ParseOptions options;
  options.url = "https://f.example/feed.json";
  const ParsedFeed feed = parse_feed(
      R"({"version":"https://jsonfeed.org/version/1","title":"T","author":{"name":"Feed A"},"items":[)"
      R"({"id":"1","content_text":"x","author":{"url":"https://who.example/"},)"
      R"("attachments":[{"mime_type":"audio/mpeg","size_in_bytes":5},{"url":"a.mp3","mime_type":"audio/mpeg"}]},)"
      R"({"id":"2","content_text":"y","authors":["Bare Name",{"name":"Named"}]}]})",
      options);
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].authors == std::vector<std::string>{"https://who.example/"});
  REQUIRE(feed.items[0].enclosures.size() == 1);
  CHECK(feed.items[0].enclosures[0].url == "https://f.example/a.mp3");
  CHECK(feed.items[1].authors == std::vector<std::string>{"Bare Name", "Named"});
}

TEST_CASE("a JSON Feed 1.1 maps to the same model", "[parse][json]") {
  ParseOptions options;
  options.url = "https://json.example.com/feed.json";
  const ParsedFeed feed = parse_feed(test::feed_fixture("jsonfeed-1.1.json"), options);
  CHECK(feed.format == FeedFormat::jsonfeed);
  CHECK(format_name(feed.format) == "jsonfeed");
  CHECK(feed.title == "JSON & Feed");
  CHECK(feed.link == "https://json.example.com/");
  REQUIRE(feed.items.size() == 2);
  const Item& first = feed.items[0];
  CHECK(first.id == "7");
  CHECK(first.link == "https://json.example.com/posts/7");
  CHECK(first.summary == "Short one");
  CHECK(first.content.find("<iframe") == std::string::npos);
  CHECK(first.content.find("https://json.example.com/x") != std::string::npos);
  CHECK(first.authors == std::vector<std::string>{"Feed Person"});
  CHECK(first.categories == std::vector<std::string>{"a", "b"});
  REQUIRE(first.enclosures.size() == 1);
  CHECK(first.enclosures[0].length == 100);
  REQUIRE(first.published.has_value());
  CHECK(format_rfc3339(*first.published) == "2024-05-01T12:00:00Z");
  CHECK(feed.items[1].authors == std::vector<std::string>{"Old Style"});
  CHECK(feed.items[1].content.find("&lt;text&gt;") != std::string::npos);  // content_text stays literal
}

TEST_CASE("Atom 0.3's mode=\"escaped\" without a type is escaped plain text", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed version='0.3' xmlns='http://purl.org/atom/ns#'><title mode='escaped'>&lt;b&gt;R&amp;amp;D&lt;/b&gt;</title>"
      "<entry><title type='text/html' mode='escaped'>&lt;b&gt;R&amp;amp;D&lt;/b&gt;</title></entry></feed>");
  CHECK(feed.title == "<b>R&amp;D</b>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "R&D");
}

TEST_CASE("C1 controls escaped in JSON Feed strings are read as windows-1252", "[parse][json][encoding]") {
  const ParsedFeed feed = parse_feed(
      R"({"version": "https://jsonfeed.org/version/1.1", "title": "don\u0092t",)"
      R"( "items": [{"id": "1", "title": "\u0093q\u0094", "tags": ["a\u0096b"], "content_text": "x"}]})");
  CHECK(feed.title == "don\u2019t");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "\u201cq\u201d");
  CHECK(feed.items[0].categories == std::vector<std::string>{"a\u2013b"});
}

TEST_CASE("an Atom entry without a link takes its id for one when the id is a web URL", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>https://example.org/2024/post</id></entry>"
      "<entry><id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id></entry>"
      "<entry><id>https://example.org/3</id><link href=\"https://example.org/three\"/></entry></feed>");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].link == "https://example.org/2024/post");
  CHECK(feed.items[0].id == "https://example.org/2024/post");
  CHECK(feed.items[1].link.empty());  // a urn: names the entry, it locates nothing
  CHECK(feed.items[2].link == "https://example.org/three");
}

TEST_CASE("JSON that is not a JSON Feed is refused", "[parse][json]") {
  CHECK_THROWS_AS(parse_feed(test::feed_fixture("json-not-a-feed.json")), ParseError);
  CHECK_THROWS_AS(parse_feed("{\"version\": \"https://jsonfeed.org/version/1\", "), ParseError);
}

TEST_CASE("xml:base inside XHTML content applies to the links below it", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='http://a.example/x/'><entry><id>1</id>"
      "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>"
      "<p xml:base='http://b.example/y/'><a href='z.html'>z</a></p><img src='i.png'/></div></content>"
      "</entry></feed>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].content.find("http://b.example/y/z.html") != std::string::npos);
  CHECK(feed.items[0].content.find("http://a.example/x/i.png") != std::string::npos);
}

TEST_CASE("relative xml:base inside XHTML content without a document URL is applied once", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry xml:base='sub/'><id>1</id>"
      "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml' xml:base='in/'><a href='x'>x</a> "
      "<p xml:base='deeper/'><img src='i.png'/></p></div></content></entry></feed>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].content == "<a href=\"sub/in/x\">x</a> <p><img src=\"sub/in/deeper/i.png\"></p>");
}

TEST_CASE("relative xml:base values nested past any URL's length stop growing", "[parse][atom][hostile]") {
  const std::string segment(4000, 'a');
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += "<div xml:base='" + segment + "/'>";
  nested += "<a href='x'>x</a>";
  for (int i = 0; i < 100; ++i) nested += "</div>";
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id><content type='xhtml'>"
      "<div xmlns='http://www.w3.org/1999/xhtml'>" + nested + "</div></content></entry></feed>");
  REQUIRE(feed.items.size() == 1);
  // Two segments fit under the 8 KiB cap; the third and later are left out.
  CHECK(feed.items[0].content.find("href=\"" + segment + "/" + segment + "/x\"") != std::string::npos);
  CHECK(feed.items[0].content.size() < 20'000);
}

TEST_CASE("XHTML keeps the spaces between its elements and writes void elements once", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id>"
      "<title type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><b>Hello</b> <i>world</i></div></title>"
      "<summary type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><a href='/a'>one</a> <a href='/b'>two</a></div></summary>"
      "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p><b>Hello</b> <i>world</i></p>"
      "one<br/>two<hr/></div></content></entry></feed>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Hello world");
  CHECK(feed.items[0].summary == "one two");
  CHECK(feed.items[0].content == "<p><b>Hello</b> <i>world</i></p>one<br>two<hr>");
}

TEST_CASE("undeclared module prefixes mean their usual namespaces", "[parse][rss]") {
  const ParsedFeed feed =
      parse_feed("<rss version='2.0'><channel><item><guid>1</guid><dc:creator>Undeclared</dc:creator>"
                 "<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].authors == std::vector<std::string>{"Undeclared"});
  CHECK(feed.items[0].content.find("Body") != std::string::npos);
}

TEST_CASE("an Atom link to a web page wins over an alternate of another type", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'>"
      "<link rel='alternate' type='application/atom+xml' href='http://example.org/other.xml'/>"
      "<link rel='alternate' type='text/html' href='http://example.org/'/>"
      "<entry><link rel='alternate' type='application/pdf' href='http://example.org/1.pdf'/>"
      "<link href='http://example.org/1'/><link rel='alternate' type='text/html' href='http://example.org/1b'/></entry>"
      "<entry><link rel='alternate' type='application/pdf' href='http://example.org/2.pdf'/></entry>"
      "</feed>");
  CHECK(feed.link == "http://example.org/");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].link == "http://example.org/1");  // the first page link, not the later one
  CHECK(feed.items[1].link == "http://example.org/2.pdf");  // no page link: the alternate there is
}

TEST_CASE("an Atom alternate that leads nowhere keeps the link found before it", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'>"
      "<entry><link rel='alternate' type='application/pdf' href='http://example.org/1.pdf'/>"
      "<link rel='alternate' type='text/html'/></entry>"
      "<entry><link rel='alternate' type='application/pdf' href='http://example.org/2.pdf'/>"
      "<link rel='alternate' type='Text/HTML; charset=utf-8' href='http://example.org/2'/></entry>"
      "</feed>");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].link == "http://example.org/1.pdf");  // an empty page link does not erase it
  CHECK(feed.items[1].link == "http://example.org/2");      // a media type with parameters is still HTML
}

TEST_CASE("an Atom entry without a summary takes its media:description, its own or its group's", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:m='http://search.yahoo.com/mrss/'><title>c</title>"
      "<entry><id>1</id><title>video</title><m:group><m:title>video</m:title>"
      "<m:description>Open models compared &amp; a &lt; b</m:description></m:group></entry>"
      "<entry><id>2</id><title>picture</title><m:description type='html'>&lt;p&gt;A &lt;b&gt;cat&lt;/b&gt;&lt;/p&gt;"
      "</m:description></entry>"
      "<entry><id>3</id><title>post</title><summary>Own words</summary><m:description>alt text</m:description></entry>"
      "<entry><id>4</id><title>other</title><description xmlns='http://example.com/ns'>not media</description></entry>"
      "</feed>");
  REQUIRE(feed.items.size() == 4);
  CHECK(feed.items[0].summary == "Open models compared & a < b");  // plain text by default
  CHECK(feed.items[1].summary == "A cat");
  CHECK(feed.items[2].summary == "Own words");
  CHECK(feed.items[3].summary.empty());
}

TEST_CASE("an RSS <item> among an Atom feed's elements is an entry", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><title>mixed</title>"
      "<item><id>tag:x,2024:1</id><title>As an item</title><link href='http://x.example/1'/></item>"
      "<entry><id>tag:x,2024:2</id><title>As an entry</title></entry></feed>");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].id == "tag:x,2024:1");
  CHECK(feed.items[0].title == "As an item");
  CHECK(feed.items[0].link == "http://x.example/1");
  CHECK(feed.items[1].title == "As an entry");
}

TEST_CASE("Atom text types with MIME parameters, binary content, IANA relations", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><title>f</title>"
      "<entry><id>urn:1</id><title type='text/html; charset=utf-8'>A &lt;b&gt;B&lt;/b&gt;</title>"
      "<content type='html; charset=utf-8'>&lt;p&gt;para&lt;/p&gt;</content>"
      "<link rel='http://www.iana.org/assignments/relation/alternate' href='https://ex.example/iana'/></entry>"
      "<entry><id>urn:2</id><summary>s</summary><content type='image/png'>iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB</content>"
      "</entry></feed>");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].title == "A B");
  CHECK(feed.items[0].content == "<p>para</p>");
  CHECK(feed.items[0].link == "https://ex.example/iana");
  CHECK(feed.items[1].content.empty());  // a picture is no text
  CHECK(feed.items[1].summary == "s");
}

TEST_CASE("Atom authors: a URI-only person, and an entry's source before the feed", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><title>f</title><author><name>Feed Owner</name></author>"
      "<entry><id>urn:1</id><author><uri>https://ex.example/~joe</uri></author></entry>"
      "<entry><id>urn:2</id><source><id>urn:src</id><author><name>Source Person</name></author></source></entry>"
      "<entry><id>urn:3</id></entry></feed>");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].authors == std::vector<std::string>{"https://ex.example/~joe"});
  CHECK(feed.items[1].authors == std::vector<std::string>{"Source Person"});
  CHECK(feed.items[2].authors == std::vector<std::string>{"Feed Owner"});
}

TEST_CASE("an empty Atom summary gives way to a media:group description", "[parse][atom]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:media='http://search.yahoo.com/mrss/'><title>f</title>"
      "<entry><id>urn:v</id><summary/><media:group><media:description>Video text</media:description>"
      "</media:group></entry></feed>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].summary == "Video text");
}

TEST_CASE("JSON Feed: lone surrogate escapes, string sizes, literal titles, feed_url as the base", "[parse][json]") {
  const ParsedFeed feed = parse_feed(
      R"({"version": "https://jsonfeed.org/version/1.1", "title": "JF \ud83d\ude00 \\ud83d",)"
      R"( "feed_url": "https://ex.example/feed.json", "items": [)"
      R"({"id": "1", "url": "posts/1/", "title": "Why <div> tags & spans", "summary": "cut \ud83d",)"
      R"( "content_html": "<a href=\"next/\">n</a>",)"
      R"( "attachments": [{"url": "a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": "1234"}]},)"
      R"({"id": "2", "title": "Q&amp;A <b>bold</b>"}]})");
  CHECK(feed.title == "JF \xF0\x9F\x98\x80 \\ud83d");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].summary == "cut \xEF\xBF\xBD");
  CHECK(feed.items[0].title == "Why <div> tags & spans");
  CHECK(feed.items[0].link == "https://ex.example/posts/1/");
  CHECK(feed.items[0].content == "<a href=\"https://ex.example/next/\">n</a>");
  REQUIRE(feed.items[0].enclosures.size() == 1);
  CHECK(feed.items[0].enclosures[0].url == "https://ex.example/a.mp3");
  CHECK(feed.items[0].enclosures[0].length == 1234);
  CHECK(feed.items[1].title == "Q&A bold");
}
