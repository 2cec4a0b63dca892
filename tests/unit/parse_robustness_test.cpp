// Issue 3's robustness list beyond the fixtures: namespaces by URI with odd
// prefixes, nested and relative xml:base, and hostile sizes (a document over
// the limit, a million items) that must stay bounded.
#include <catch2/catch.hpp>

#include <algorithm>

#include "feeds/parse/parse.hpp"

using namespace feedsieve;

TEST_CASE("Atom is found by its namespace URI whatever the prefix", "[parse][namespaces]") {
  const ParsedFeed feed = parse_feed(
      "<a10:feed xmlns:a10='http://www.w3.org/2005/Atom'><a10:title>Odd</a10:title>"
      "<a10:entry><a10:id>urn:1</a10:id><a10:title type='html'>&lt;b&gt;One&lt;/b&gt;</a10:title>"
      "<a10:link rel='alternate' href='https://odd.example/1'/></a10:entry></a10:feed>");
  CHECK(feed.format == FeedFormat::atom10);
  CHECK(feed.title == "Odd");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "One");
  CHECK(feed.items[0].link == "https://odd.example/1");
}

TEST_CASE("module elements are known by URI: an odd prefix works, a familiar prefix on another URI does not",
          "[parse][namespaces]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:c='http://purl.org/rss/1.0/modules/content/' xmlns:purl='http://purl.org/dc/elements/1.1/'"
      " xmlns:dc='urn:not-dublin-core'><channel><title>t</title><item><guid>1</guid>"
      "<c:encoded>&lt;p&gt;Body&lt;/p&gt;</c:encoded><purl:creator>Ann</purl:creator><dc:creator>Not Ann</dc:creator>"
      "</item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].content == "<p>Body</p>");
  CHECK(feed.items[0].authors == std::vector<std::string>{"Ann"});
}

TEST_CASE("a default namespace redeclared on an element applies below it", "[parse][namespaces]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>t</title><item><guid>1</guid><title>Plain</title>"
      "<encoded xmlns='http://purl.org/rss/1.0/modules/content/'>&lt;i&gt;Full&lt;/i&gt;</encoded></item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Plain");
  CHECK(feed.items[0].content == "<i>Full</i>");
}

// The readers keep the declarations of the root and the element being read;
// these would go wrong if the root's were used for every element, or if an
// element's stayed in force after it.
TEST_CASE("a prefix redeclared on an item or a child applies there and nowhere else", "[parse][namespaces]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><title>t</title>"
      "<item><guid>1</guid><dc:creator>Ann</dc:creator></item>"
      "<item xmlns:dc='urn:not-dublin-core'><guid>2</guid><dc:creator>Not Ann</dc:creator></item>"
      "<item><guid>3</guid><dc:creator xmlns:dc='urn:not-dublin-core'>Not Bob</dc:creator>"
      "<dc:creator>Bob</dc:creator></item>"
      "<item><guid>4</guid><dc:creator>Cy</dc:creator></item></channel></rss>");
  REQUIRE(feed.items.size() == 4);
  CHECK(feed.items[0].authors == std::vector<std::string>{"Ann"});
  CHECK(feed.items[1].authors.empty());
  CHECK(feed.items[2].authors == std::vector<std::string>{"Bob"});
  CHECK(feed.items[3].authors == std::vector<std::string>{"Cy"});
}

TEST_CASE("a channel's declarations cover its items but not the RSS 1.0 items beside it", "[parse][namespaces]") {
  const ParsedFeed rss = parse_feed(
      "<rss version='2.0' xmlns:c='http://purl.org/rss/1.0/modules/content/'><channel xmlns:c='urn:other'>"
      "<title>t</title><item><guid>1</guid><c:encoded>not the content</c:encoded></item></channel>"
      "<item><guid>2</guid><c:encoded>the content</c:encoded></item></rss>");
  REQUIRE(rss.items.size() == 2);
  CHECK(rss.items[0].content.empty());
  CHECK(rss.items[1].content == "the content");

  const ParsedFeed rdf = parse_feed(
      "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'"
      " xmlns:dc='http://purl.org/dc/elements/1.1/'><channel xmlns:dc='urn:other'><title>C</title>"
      "<dc:creator>no one</dc:creator></channel>"
      "<item rdf:about='http://example.org/1'><title>One</title><dc:creator>Ann</dc:creator></item></rdf:RDF>");
  REQUIRE(rdf.items.size() == 1);
  CHECK(rdf.items[0].authors == std::vector<std::string>{"Ann"});
}

TEST_CASE("a default namespace changed on an Atom entry takes it out of the feed", "[parse][namespaces]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id><title>One</title></entry>"
      "<entry xmlns='urn:other'><id>2</id><title>Not an entry</title></entry>"
      "<entry><id>3</id><title xmlns='urn:other'>Not the title</title><title>Three</title></entry>"
      "<a:entry xmlns:a='http://www.w3.org/2005/Atom'><a:id>4</a:id><a:title>Four</a:title></a:entry></feed>");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].title == "One");
  CHECK(feed.items[1].title == "Three");
  CHECK(feed.items[2].id == "4");
  CHECK(feed.items[2].title == "Four");
}

TEST_CASE("xml:base: relative to the document URL, nested, an absolute one resets", "[parse][atom]") {
  ParseOptions options;
  options.url = "https://site.example/feeds/all.atom";
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='/blog/'>"
      "<entry xml:base='2024/'><id>1</id><link href='post.html'/>"
      "<content type='html' xml:base='img/'>&lt;img src='a.png'&gt;</content></entry>"
      "<entry xml:base='https://other.example/x/'><id>2</id><link href='../y'/></entry></feed>",
      options);
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].link == "https://site.example/blog/2024/post.html");
  CHECK(feed.items[0].content == "<img src=\"https://site.example/blog/2024/img/a.png\">");
  CHECK(feed.items[1].link == "https://other.example/y");
}

TEST_CASE("xml:base on one item or field does not carry over to the next", "[parse][rss]") {
  ParseOptions options;
  options.url = "https://site.example/feed.xml";
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel xml:base='/news/'><title>t</title>"
      "<item xml:base='2024/'><guid>1</guid><link>a.html</link></item>"
      "<item><guid>2</guid><link>b.html</link><comments>c</comments></item>"
      "<item><guid>3</guid><link xml:base='/other/'>c.html</link><description>&lt;a href='d.html'&gt;d&lt;/a&gt;"
      "</description><content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
      "&lt;a href='e.html'&gt;e&lt;/a&gt;</content:encoded></item></channel></rss>",
      options);
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].link == "https://site.example/news/2024/a.html");
  CHECK(feed.items[1].link == "https://site.example/news/b.html");
  CHECK(feed.items[2].link == "https://site.example/other/c.html");
  CHECK(feed.items[2].content == "<a href=\"https://site.example/news/e.html\">e</a>");
}

TEST_CASE("a 100 MB document is refused before any work", "[parse][hostile]") {
  std::string bytes = "<rss><channel><title>big</title><description>";
  bytes.append(100'000'000, 'x');
  bytes += "</description></channel></rss>";
  try {
    parse_feed(bytes);
    FAIL("a 100 MB document parsed");
  } catch (const ParseError& e) {
    CHECK_THAT(e.what(), Catch::Contains("over the limit"));
  }
}

TEST_CASE("a million items: the first max_items are kept, with a warning", "[parse][hostile]") {
  std::string bytes = "<rss version='2.0'><channel><title>many</title>";
  bytes.reserve(8'000'000);
  for (int i = 0; i < 1'000'000; ++i) bytes += "<item/>";
  bytes += "</channel></rss>";
  const ParsedFeed feed = parse_feed(bytes);
  CHECK(feed.items.size() == ParseOptions{}.max_items);
  bool warned = false;
  for (const std::string& w : feed.warnings) warned = warned || w.starts_with("item limit reached");
  CHECK(warned);
}

TEST_CASE("links a browser would run or read from disk are dropped, web links kept", "[parse][hostile]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>t</title><link>vbscript:msgbox(1)</link>"
      "<item><guid>1</guid><link>javascript:alert(1)</link>"
      "<enclosure url='data:text/html,&lt;script&gt;alert(2)&lt;/script&gt;' type='text/html' length='1'/>"
      "<enclosure url='https://cdn.example/a.mp3' type='audio/mpeg' length='2'/></item>"
      "<item><guid>2</guid><link> java&#x09;script:alert(3)</link>"
      "<enclosure url='file:///etc/passwd' type='text/plain' length='3'/></item>"
      "<item><guid>3</guid><link>https://news.example/3</link></item>"
      "<item><guid>4</guid><link>mailto:tips@news.example</link></item>"
      "<item><guid>5</guid><link>/relative/5</link></item>"
      "</channel></rss>");
  CHECK(feed.link.empty());
  REQUIRE(feed.items.size() == 5);
  CHECK(feed.items[0].link.empty());
  CHECK(feed.items[0].enclosures == std::vector<Enclosure>{{"https://cdn.example/a.mp3", "audio/mpeg", 2}});
  CHECK(feed.items[1].link.empty());
  CHECK(feed.items[1].enclosures.empty());
  CHECK(feed.items[2].link == "https://news.example/3");
  CHECK(feed.items[3].link == "mailto:tips@news.example");
  CHECK(feed.items[4].link == "/relative/5");
  CHECK(std::find(feed.warnings.begin(), feed.warnings.end(), "5 links dropped: not http(s), ftp, mailto or tel") !=
        feed.warnings.end());
}

TEST_CASE("module namespaces are known in the spellings feeds declare them", "[parse][namespaces]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:itunes='http://www.itunes.com/DTDs/PodCast-1.0.dtd'"
      " xmlns:media='http://search.yahoo.com/mrss' xmlns:content='https://purl.org/rss/1.0/modules/content'"
      " xmlns:dc='http://purl.org/dc/elements/1.1' xmlns:x='http://purl.org/rss/1.0/modules/contentx/'>"
      "<channel><title>t</title><item><guid>1</guid><itunes:author>Pod Host</itunes:author>"
      "<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded><dc:date>2024-05-01T10:00:00Z</dc:date>"
      "<media:content url='https://cdn.example/v.mp4' type='video/mp4'/><x:encoded>not content</x:encoded>"
      "</item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  const Item& item = feed.items[0];
  CHECK(item.authors == std::vector<std::string>{"Pod Host"});
  CHECK(item.content == "<p>Body</p>");
  CHECK(item.published.has_value());
  REQUIRE(item.enclosures.size() == 1);
  CHECK(item.enclosures[0].url == "https://cdn.example/v.mp4");
}

TEST_CASE("isPermaLink is read in any case, and no-break spaces around a link are trimmed", "[parse]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>t</title>"
      "<item><guid isPermaLink='FALSE'>https://news.example/?p=43</guid></item>"
      "<item><guid>2</guid><link>\xC2\xA0https://news.example/2\xC2\xA0 </link></item></channel></rss>");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].link.empty());
  CHECK(feed.items[1].link == "https://news.example/2");
}

TEST_CASE("raw HTML with attributes XML refuses loses no item after it", "[parse][recovery]") {
  const char* attributes = GENERATE("class=MsoNormal", "allowfullscreen", "href=\"/x\"target=\"_blank\"",
                                    "alt=\"He said \"hi\"\"", "width=100 height='5'");
  CAPTURE(attributes);
  const std::string xml = std::string("<rss version='2.0'><channel><title>t</title><item><guid>1</guid>"
                                      "<description><p ") +
                          attributes +
                          ">Pasted text</p></description></item>"
                          "<item><guid>2</guid></item><item><guid>3</guid></item></channel></rss>";
  const ParsedFeed feed = parse_feed(xml);
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].summary == "Pasted text");
  CHECK(feed.items[2].id == "3");
}

TEST_CASE("an item or entry left open ends where the next one starts", "[parse][recovery]") {
  const ParsedFeed rss = parse_feed(
      "<rss version='2.0'><channel><title>t</title>"
      "<item><title>one</title><link>https://ex.example/1</link>"
      "<item><title>two</title><link>https://ex.example/2</link>"
      "<item><title>three</title></item></channel></rss>");
  REQUIRE(rss.items.size() == 3);
  CHECK(rss.items[1].title == "two");
  CHECK(rss.items[1].link == "https://ex.example/2");
  CHECK(rss.items[2].title == "three");
  const ParsedFeed atom = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><title>f</title>"
      "<entry><id>urn:1</id><title>one</title>"
      "<entry><id>urn:2</id><title>two</title></entry></feed>");
  REQUIRE(atom.items.size() == 2);
  CHECK(atom.items[0].id == "urn:1");
  CHECK(atom.items[1].title == "two");
}

TEST_CASE("an element that lost its end tag ends where the next tag shows it must have", "[parse][recovery]") {
  SECTION("a value holds no element: a <link> or an <enclosure> left open") {
    const ParsedFeed feed = parse_feed(
        "<rss version='2.0'><channel><title>t</title>"
        "<item><title>one</title><link>https://ex.example/1<guid>g1</guid>"
        "<enclosure url='https://ex.example/1.mp3' type='audio/mpeg' length='9'>"
        "<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>d</description></item></channel></rss>");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].link == "https://ex.example/1");
    CHECK(feed.items[0].id == "g1");
    REQUIRE(feed.items[0].enclosures.size() == 1);
    CHECK(feed.items[0].published.has_value());
    CHECK(feed.items[0].summary == "d");
  }
  SECTION("a field ends at the next field, and raw HTML inside it stays its own") {
    const ParsedFeed feed = parse_feed(
        "<rss version='2.0'><channel><title>t</title><description>Channel <b>news</b>"
        "<item><title>one<link>https://ex.example/1</link>"
        "<description><p>Intro <details><summary>More</summary> & detail"
        "<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>"
        "<item><title>two</title></item></channel></rss>");
    CHECK(feed.description == "Channel news");
    REQUIRE(feed.items.size() == 2);
    CHECK(feed.items[0].title == "one");
    CHECK(feed.items[0].link == "https://ex.example/1");
    CHECK(feed.items[0].summary == "Intro More & detail");
    CHECK(feed.items[0].published.has_value());
    CHECK(feed.items[1].title == "two");
  }
  SECTION("an Atom person holds a name, an email and a uri") {
    const ParsedFeed feed = parse_feed(
        "<feed xmlns='http://www.w3.org/2005/Atom'><title>f</title>"
        "<entry><id>urn:1</id><author><name>Ann</name><summary>s</summary>"
        "<content type='html'>&lt;p&gt;body&lt;/p&gt;</content></entry></feed>");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].authors == std::vector<std::string>{"Ann"});
    CHECK(feed.items[0].summary == "s");
    CHECK(feed.items[0].content == "<p>body</p>");
  }
  SECTION("an Atom 0.3 <url> and an extension's element stay inside a person") {
    const ParsedFeed feed = parse_feed(
        "<feed version='0.3' xmlns='http://purl.org/atom/ns#' xmlns:gd='http://schemas.google.com/g/2005'>"
        "<title>f<br></title><entry><id>urn:1</id><author><gd:image src='x'/><name>Joe</name>"
        "<url>http://x/joe</url><email>joe@x.example</email></author></entry></feed>");
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].authors == std::vector<std::string>{"Joe <joe@x.example>"});
  }
}

TEST_CASE("an unquoted attribute value keeps its slashes, and a quote inside one opens nothing", "[parse][recovery]") {
  const ParsedFeed feed = parse_feed(
      "<feed xmlns='http://www.w3.org/2005/Atom'><title>f</title>"
      "<entry><id>urn:1</id><link href=https://ex.example/a/b /></entry>"
      "<entry><id>urn:2</id><link href=https://ex.example/2\"/></entry>"
      "<entry><id>urn:3</id><title type=\"html\">three</title></entry>"
      // The slash before '>' ends the value, as HTML reads it; the element is empty all the same.
      "<entry><id>urn:4</id><link href=https://ex.example/2024/post/><title>four</title></entry>"
      "<entry><id>urn:5</id><content type='html'><a href=https://ex.example/p/>the text</a></content></entry>"
      "</feed>");
  REQUIRE(feed.items.size() == 5);
  CHECK(feed.items[0].link == "https://ex.example/a/b");
  CHECK(feed.items[1].link == "https://ex.example/2\"");
  CHECK(feed.items[2].title == "three");
  CHECK(feed.items[3].link == "https://ex.example/2024/post/");
  CHECK(feed.items[3].title == "four");
  CHECK(feed.items[4].content == "<a href=\"https://ex.example/p/\">the text</a>");
}

TEST_CASE("a character written as two UTF-16 references is one character", "[parse][entities]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>Smile &#55357;&#56832; &#xD83D;&#xDE00;</title>"
      "<item><title>lone &#55357; half</title></item></channel></rss>");
  CHECK(feed.title == "Smile \xF0\x9F\x98\x80 \xF0\x9F\x98\x80");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "lone \xEF\xBF\xBD half");
}

TEST_CASE("internal entities whose values hold references expand, without nesting", "[parse][entities]") {
  const ParsedFeed feed = parse_feed(
      "<!DOCTYPE rss [<!ENTITY co \"AT&amp;T\"><!ENTITY pub \"Ex &#8211; News&nbsp;&hellip;\">"
      "<!ENTITY outer \"&co; inside\"><!ENTITY bare \"Fish & Chips\">]>"
      "<rss version='2.0'><channel><title>&pub;</title>"
      "<item><title>&co; deal</title><description>&outer; / &bare;</description></item></channel></rss>");
  CHECK(feed.title == "Ex \xE2\x80\x93 News \xE2\x80\xA6");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "AT&T deal");
  // An entity inside another's value stays the text it was written as.
  CHECK(feed.items[0].summary == "&co; inside / Fish & Chips");
}
