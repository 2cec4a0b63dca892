// RSS 0.9x and 2.0 parsing, through the public parse_feed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "feeds/date/date.hpp"
#include "feeds/parse/parse.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("an RSS 2.0 item maps every field of the model", "[parse][rss]") {
  ParseOptions options;
  options.url = "https://news.example.com/feed.xml";
  const ParsedFeed feed = parse_feed(test::feed_fixture("rss20-full-item.xml"), options);
  CHECK(feed.format == FeedFormat::rss20);
  CHECK(format_name(feed.format) == "rss2.0");
  CHECK(feed.title == "Example News");  // escaped HTML in the title becomes text
  CHECK(feed.link == "https://news.example.com/");
  CHECK(feed.description == "All the news");
  CHECK(feed.ttl_minutes == 45);
  REQUIRE(feed.items.size() == 3);

  const Item& item = feed.items[0];
  CHECK(item.id == "story-42");
  CHECK(item.title == "Model & weights released");
  CHECK(item.link == "https://news.example.com/2024/05/model");
  CHECK(item.summary == "A new model.");
  CHECK(item.content.find("Full") != std::string::npos);
  CHECK(item.content.find("<script") == std::string::npos);
  CHECK(item.content.find("https://news.example.com/about") != std::string::npos);
  CHECK(contains(item.authors, "Jane Editor <editor@example.com>"));
  CHECK(contains(item.authors, "John Writer"));
  CHECK(item.categories == std::vector<std::string>{"AI", "Open source", "Models"});
  REQUIRE(item.enclosures.size() == 2);
  CHECK(item.enclosures[0] == Enclosure{"https://news.example.com/audio/ep1.mp3", "audio/mpeg", 12345});
  CHECK(item.enclosures[1] == Enclosure{"https://cdn.example.com/v.mp4", "video/mp4", 999});
  REQUIRE(item.published.has_value());
  CHECK(format_rfc3339(*item.published) == "2024-05-01T12:00:00Z");
}

TEST_CASE("a permalink guid is the link when there is no <link>", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("rss20-full-item.xml"));
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[1].link == "https://news.example.com/2024/05/permalink");
  CHECK(feed.items[1].id == "https://news.example.com/2024/05/permalink");
}

TEST_CASE("an item without a guid gets a stable id from link and title", "[parse][rss]") {
  const ParsedFeed first = parse_feed(test::feed_fixture("rss20-full-item.xml"));
  const ParsedFeed second = parse_feed(test::feed_fixture("rss20-full-item.xml"));
  const std::string& id = first.items.at(2).id;
  CHECK_FALSE(id.empty());
  CHECK(id == second.items.at(2).id);
  CHECK(id != first.items.at(0).id);
}

TEST_CASE("items with neither guid, link nor title are told apart by their text", "[parse][rss]") {
  const auto feed_of = [](const std::string& items) {
    return parse_feed("<rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>");
  };
  const ParsedFeed bare = feed_of(
      "<item><description>First note</description></item><item><description>Second note</description></item>"
      "<item><enclosure url=\"http://e.example/a.mp3\" type=\"audio/mpeg\" length=\"1\"/></item>"
      "<item><enclosure url=\"http://e.example/b.mp3\" type=\"audio/mpeg\" length=\"1\"/></item>"
      "<item><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>"
      "<item><pubDate>Tue, 01 Dec 2026 11:00:00 GMT</pubDate></item>"
      "<item><category>only a category</category></item>");
  REQUIRE(bare.items.size() == 7);
  for (std::size_t i = 0; i < bare.items.size(); ++i) {
    CHECK(bare.items[i].id.starts_with("urn:feedsieve:"));
    for (std::size_t j = 0; j < i; ++j) CHECK(bare.items[i].id != bare.items[j].id);
  }
  // An item with a link keeps the id of its link and title when its text is edited.
  const std::string before = feed_of("<item><link>http://e.example/1</link><description>v1</description></item>")
                                 .items.at(0).id;
  const std::string after = feed_of("<item><link>http://e.example/1</link><description>v2</description></item>")
                                .items.at(0).id;
  CHECK(before == after);
  // Nor does an item that says something change id when only its date moves.
  CHECK(feed_of("<item><description>d</description><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>")
            .items.at(0).id ==
        feed_of("<item><description>d</description><pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate></item>")
            .items.at(0).id);
}

TEST_CASE("HTML beside a raw element in a field is markup, as the field's text alone is", "[parse][rss]") {
  // The tracking pixel that follows a CDATA section, and escaped HTML around raw elements.
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>t</title>"
      "<item><title>i</title><description><![CDATA[<p>Hello <b>world</b></p>]]><img src='http://e.example/p.gif'/>"
      "</description><content:encoded>&lt;p&gt;a &amp;amp; b&lt;/p&gt;<p>raw <b>x</b> <i>y</i><br/>z</p>"
      "</content:encoded></item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].summary == "Hello world");
  CHECK(feed.items[0].content == "<p>a &amp; b</p><p>raw <b>x</b> <i>y</i><br>z</p>");
}

TEST_CASE("RSS 0.91 is detected and named rss0.9x", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("rss091-netscape.xml"));
  CHECK(feed.format == FeedFormat::rss091);
  CHECK(format_name(feed.format) == "rss0.9x");
  CHECK(feed.title == "Old & still here");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "http://example.com/1");
}

TEST_CASE("RSS elements are found by namespace URI, whatever their prefix", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("rss-namespaced-with-prefix.xml"));
  CHECK(feed.title == "Prefixed");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "One");
  CHECK(feed.items[0].authors == std::vector<std::string>{"Ann"});
  REQUIRE(feed.items[0].published.has_value());
  CHECK(format_rfc3339(*feed.items[0].published) == "2024-05-01T10:00:00Z");
}

TEST_CASE("RSS versions map to their formats", "[parse][rss]") {
  const auto format_of = [](const std::string& version) {
    return parse_feed("<rss version=\"" + version + "\"><channel><title>t</title></channel></rss>").format;
  };
  CHECK(format_of("0.92") == FeedFormat::rss092);
  CHECK(format_of("0.93") == FeedFormat::rss093);
  CHECK(format_of("0.94") == FeedFormat::rss094);
  CHECK(format_of("2.0") == FeedFormat::rss20);
  CHECK(format_of("2.01") == FeedFormat::rss20);
}

TEST_CASE("the item limit keeps the first items and says so", "[parse][rss]") {
  std::string xml = "<rss version=\"2.0\"><channel>";
  for (int i = 0; i < 20; ++i) xml += "<item><guid>" + std::to_string(i) + "</guid></item>";
  xml += "</channel></rss>";
  ParseOptions options;
  options.max_items = 5;
  const ParsedFeed feed = parse_feed(xml, options);
  REQUIRE(feed.items.size() == 5);
  CHECK(feed.items[4].id == "4");
  CHECK_FALSE(feed.warnings.empty());
}

TEST_CASE("a podcast's itunes:author and itunes:summary fill in", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'><channel><item>"
      "<guid>e1</guid><itunes:author>Pod Host</itunes:author><itunes:summary>About it</itunes:summary>"
      "<itunes:category text='Technology'/><itunes:keywords>ai, open weights</itunes:keywords>"
      "</item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].authors == std::vector<std::string>{"Pod Host"});
  CHECK(feed.items[0].summary == "About it");
  CHECK(feed.items[0].categories == std::vector<std::string>{"Technology", "ai", "open weights"});
}

TEST_CASE("an extension element named like a core one does not stand in for it", "[parse][rss]") {
  // The extension's <ext:description> comes first in the item and in the
  // channel, in a namespace that is neither RSS's nor a known module's.
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:ext='http://ext.example.org/ns'><channel>"
      "<ext:title>not the title</ext:title><title>Channel</title>"
      "<item><ext:description>not the summary</ext:description><description>the summary</description>"
      "<ext:link>http://wrong.example.org/</ext:link><link>http://right.example.org/a</link></item>"
      "</channel></rss>");
  CHECK(feed.title == "Channel");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].summary == "the summary");
  CHECK(feed.items[0].link == "http://right.example.org/a");
}

TEST_CASE("an element whose prefix nothing declares is an extension, not RSS", "[parse][rss]") {
  // No xmlns:ext or xmlns:googleplay anywhere: the prefixes are bound to nothing.
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><googleplay:title>not the title</googleplay:title><title>Channel</title>"
      "<item><ext:description>not the summary</ext:description><description>the summary</description>"
      "<dc:creator>Ann</dc:creator></item></channel></rss>");
  CHECK(feed.title == "Channel");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].summary == "the summary");
  CHECK(feed.items[0].authors == std::vector<std::string>{"Ann"});  // a module's usual prefix still means the module
}

TEST_CASE("RSS elements in a prefixed RSS namespace are still RSS", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<r:rss version='2.0' xmlns:r='http://backend.userland.com/rss2' xmlns:ext='http://ext.example.org/ns'>"
      "<r:channel><r:title>Prefixed</r:title><r:item><ext:title>no</ext:title><r:title>Yes</r:title></r:item>"
      "</r:channel></r:rss>");
  CHECK(feed.title == "Prefixed");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Yes");
}

TEST_CASE("a bare <summary> in an RSS item is its description, or its content beside one", "[parse][rss]") {
  const ParsedFeed only = parse_feed(
      "<rss version='2.0'><channel><item><guid>1</guid><summary>Short text</summary></item></channel></rss>");
  REQUIRE(only.items.size() == 1);
  CHECK(only.items[0].summary == "Short text");
  CHECK(only.items[0].content.empty());

  const ParsedFeed both = parse_feed(
      "<rss version='2.0'><channel><item><guid>1</guid><description>Teaser</description>"
      "<summary>The &lt;b&gt;whole&lt;/b&gt; story</summary></item></channel></rss>");
  REQUIRE(both.items.size() == 1);
  CHECK(both.items[0].summary == "Teaser");
  CHECK(both.items[0].content == "The <b>whole</b> story");

  const ParsedFeed first = parse_feed(
      "<rss version='2.0'><channel><item><guid>1</guid><summary>Teaser</summary>"
      "<description>The whole story</description></item></channel></rss>");
  REQUIRE(first.items.size() == 1);
  CHECK(first.items[0].summary == "Teaser");  // the first of the two
  CHECK(first.items[0].content == "The whole story");

  const ParsedFeed encoded = parse_feed(
      "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><item><guid>1</guid>"
      "<description>Teaser</description><summary>Middle</summary><content:encoded>Full</content:encoded>"
      "</item></channel></rss>");
  REQUIRE(encoded.items.size() == 1);
  CHECK(encoded.items[0].content == "Full");
}

TEST_CASE("an RSS title is HTML only when it has an end tag or a character reference", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>Using the &lt;title&gt; element</title>"
      "<item><guid>1</guid><title>1 &lt; 2 &lt;b&gt; 3</title></item>"
      "<item><guid>2</guid><title>A &lt;b&gt;bold&lt;/b&gt; move</title></item>"
      "<item><guid>3</guid><title>Q&amp;amp;A</title></item>"
      "<item><guid>4</guid><title><![CDATA[Caf&eacute;]]></title></item>"
      "</channel></rss>");
  CHECK(feed.title == "Using the <title> element");
  REQUIRE(feed.items.size() == 4);
  CHECK(feed.items[0].title == "1 < 2 <b> 3");
  CHECK(feed.items[1].title == "A bold move");
  CHECK(feed.items[2].title == "Q&A");
  CHECK(feed.items[3].title == "Caf\xC3\xA9");
}

TEST_CASE("an RSS title with a tag or reference HTML does not define is text, every word kept", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>c</title>"
      "<item><guid>1</guid><title>Tom &amp;amp; Jerry&apos;s &lt;Feed&gt;</title></item>"
      "<item><guid>2</guid><title>Option&lt;T&gt; &amp;amp; Vec&lt;/T&gt;</title></item>"
      "<item><guid>3</guid><title>I &lt;3 Rust &amp;amp; Go</title></item>"
      "<item><guid>4</guid><title>&amp;bogus; &lt;/b&gt;</title></item>"
      "<item><guid>5</guid><title>it&amp;apos;s &amp;hellip; &lt;EM&gt;done&lt;/EM&gt;</title></item>"
      "<item><guid>6</guid><title>&lt;script&gt;x()&lt;/script&gt; y</title></item>"
      "</channel></rss>");
  REQUIRE(feed.items.size() == 6);
  CHECK(feed.items[0].title == "Tom &amp; Jerry's <Feed>");  // <Feed> is no HTML element
  CHECK(feed.items[1].title == "Option<T> &amp; Vec</T>");
  CHECK(feed.items[2].title == "I <3 Rust &amp; Go");
  CHECK(feed.items[3].title == "&bogus; </b>");                  // no such reference
  CHECK(feed.items[4].title == "it's \xE2\x80\xA6 done");        // HTML after all, any case
  CHECK(feed.items[5].title == "<script>x()</script> y");        // text: nothing runs, nothing is lost
}

TEST_CASE("a reference to a C1 control means the windows-1252 character", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>don&#146;t pay &#x80;5 &#150; &#8217;</title>"
      "<item><guid>1</guid><description>&lt;p&gt;&#147;quoted&#148;&lt;/p&gt;</description></item>"
      "</channel></rss>");
  CHECK(feed.title == "don\xE2\x80\x99t pay \xE2\x82\xAC" "5 \xE2\x80\x93 \xE2\x80\x99");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].summary == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST_CASE("a dc:date beside a pubDate is the item's updated date, not dropped", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'><channel><title>c</title>"
      "<item><guid>1</guid><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate><dc:date>2024-05-02T08:00:00Z</dc:date></item>"
      "<item><guid>2</guid><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate><dc:date>2024-05-01T10:00:00Z</dc:date></item>"
      "<item><guid>3</guid><dc:date>2024-05-03T08:00:00Z</dc:date></item>"
      "<item><guid>4</guid><pubDate>not a date</pubDate><dc:date>2024-05-04T08:00:00Z</dc:date></item>"
      "</channel></rss>");
  REQUIRE(feed.items.size() == 4);
  CHECK(format_rfc3339(*feed.items[0].published) == "2024-05-01T10:00:00Z");
  REQUIRE(feed.items[0].updated);
  CHECK(format_rfc3339(*feed.items[0].updated) == "2024-05-02T08:00:00Z");
  CHECK_FALSE(feed.items[1].updated);  // the same date twice is one date
  CHECK(format_rfc3339(*feed.items[2].published) == "2024-05-03T08:00:00Z");
  CHECK_FALSE(feed.items[2].updated);
  CHECK(format_rfc3339(*feed.items[3].published) == "2024-05-04T08:00:00Z");  // the pubDate was unreadable
  CHECK_FALSE(feed.items[3].updated);
}

TEST_CASE("an empty element gives way to a filled one for the same field", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:dc='http://purl.org/dc/elements/1.1/'"
      " xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'"
      " xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>c</title>"
      "<link></link><link>https://ex.example/second</link><itunes:summary>Show summary</itunes:summary>"
      "<item><guid>1</guid><title> </title><dc:title>DC title</dc:title>"
      "<description/><itunes:summary>Episode summary</itunes:summary></item>"
      "<item><guid>2</guid><content:encoded></content:encoded>"
      "<body xmlns='http://www.w3.org/1999/xhtml'><p>XHTML body</p></body></item>"
      "<item><guid>3</guid><itunes:subtitle>A subtitle</itunes:subtitle></item></channel></rss>");
  CHECK(feed.link == "https://ex.example/second");
  CHECK(feed.description == "Show summary");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].title == "DC title");
  CHECK(feed.items[0].summary == "Episode summary");
  CHECK(feed.items[1].content == "<p>XHTML body</p>");
  CHECK(feed.items[2].summary == "A subtitle");
}

TEST_CASE("RSS's own names are read in any case", "[parse][rss]") {
  const ParsedFeed upper = parse_feed(
      "<RSS VERSION='2.0'><CHANNEL><TITLE>Upper</TITLE><LINK>http://ex.example/</LINK>"
      "<ITEM><TITLE>Up item</TITLE><LINK>http://ex.example/up</LINK></ITEM></CHANNEL></RSS>");
  CHECK(upper.format == FeedFormat::rss20);
  CHECK(upper.title == "Upper");
  REQUIRE(upper.items.size() == 1);
  CHECK(upper.items[0].link == "http://ex.example/up");
  const ParsedFeed mixed = parse_feed(
      "<rss version='2.0'><channel><title>t</title><item><Title>i</Title><Link>http://ex.example/1</Link>"
      "<PubDate>Wed, 01 May 2024 10:00:00 GMT</PubDate><Description>d</Description></item></channel></rss>");
  REQUIRE(mixed.items.size() == 1);
  CHECK(mixed.items[0].title == "i");
  CHECK(mixed.items[0].summary == "d");
  REQUIRE(mixed.items[0].published);
  CHECK(format_rfc3339(*mixed.items[0].published) == "2024-05-01T10:00:00Z");
}

TEST_CASE("items inside an <items> wrapper are the channel's", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>t</title><items><item><title>wrapped</title></item>"
      "<item><title>too</title></item></items><item><title>plain</title></item></channel></rss>");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].title == "wrapped");  // in document order
  CHECK(feed.items[1].title == "too");
  CHECK(feed.items[2].title == "plain");
}

TEST_CASE("a module's URI declared as the default namespace of <rss> or <channel> is ignored, with a warning",
          "[parse][rss]") {
  const auto [document, element] = GENERATE(table<std::string, std::string>({
      {"<rss version='2.0' xmlns='http://www.w3.org/2005/Atom'><channel>", "rss"},
      {"<rss version='2.0'><channel xmlns='http://www.w3.org/2005/Atom'>", "channel"},
  }));
  const ParsedFeed feed = parse_feed(
      document +
      "<title>Mis-namespaced</title>"
      "<item><title>i</title><link>https://ex.example/1</link><description>desc</description></item>"
      "</channel></rss>");
  CHECK(feed.title == "Mis-namespaced");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "https://ex.example/1");
  CHECK(feed.items[0].summary == "desc");
  CHECK(std::find(feed.warnings.begin(), feed.warnings.end(),
                  "default namespace http://www.w3.org/2005/Atom on <" + element +
                      "> ignored: RSS elements are in none") != feed.warnings.end());
}

TEST_CASE("a media:content's title and description stand in for the item's", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:media='http://search.yahoo.com/mrss/'><channel><title>t</title>"
      "<item><guid>1</guid><media:content url='https://ex.example/i.jpg' medium='image'>"
      "<media:title>Pic</media:title><media:description>A &lt;b&gt;bold&lt;/b&gt; pic</media:description>"
      "</media:content></item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Pic");
  CHECK(feed.items[0].summary == "A bold pic");
  REQUIRE(feed.items[0].enclosures.size() == 1);
  CHECK(feed.items[0].enclosures[0].url == "https://ex.example/i.jpg");
}

TEST_CASE("a permalink guid that is a path is the link where the feed has a web base", "[parse][rss]") {
  const std::string xml =
      "<rss version='2.0'><channel><title>t</title>"
      "<item><guid>/p/7</guid></item><item><guid>p7</guid></item>"
      "<item><guid isPermaLink='false'>/p/8</guid></item></channel></rss>";
  ParseOptions options;
  options.url = "https://ex.example/feed.xml";
  const ParsedFeed based = parse_feed(xml, options);
  REQUIRE(based.items.size() == 3);
  CHECK(based.items[0].link == "https://ex.example/p/7");
  CHECK(based.items[1].link.empty());  // an id, not a path
  CHECK(based.items[2].link.empty());
  const ParsedFeed unbased = parse_feed(xml);
  REQUIRE(unbased.items.size() == 3);
  CHECK(unbased.items[0].link.empty());  // nothing to make it a web link
  CHECK(unbased.items[0].id == "/p/7");
}

TEST_CASE("an '&' escaped twice in an RSS link is one '&'", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>T</title><link>https://ex.example/?a=1&amp;amp;b=2</link>"
      "<item><link>https://ex.example/p?x=1&amp;amp;y=2&amp;z=3</link></item>"
      "<item><link><![CDATA[https://ex.example/q?x=1&amp;y=2]]></link></item></channel></rss>");
  CHECK(feed.link == "https://ex.example/?a=1&b=2");
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].link == "https://ex.example/p?x=1&y=2&z=3");
  CHECK(feed.items[1].link == "https://ex.example/q?x=1&y=2");
}

TEST_CASE("a link made of several text and CDATA pieces is undone as one text", "[parse][rss][hostile]") {
  // The pieces are joined into a text of its own, which must outlive the
  // pass over it (a fuzzed document found it read after it was freed).
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0'><channel><title>t</title>"
      "<item><link>https://ex.example/p?x=1<![CDATA[&amp;y=2&amp;z=words enough to leave the small buffer]]>"
      "&amp;amp;w=4</link></item></channel></rss>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "https://ex.example/p?x=1&y=2&z=words enough to leave the small buffer&w=4");
}

TEST_CASE("media:category is a category, and a channel's <tagline> its description", "[parse][rss]") {
  const ParsedFeed feed = parse_feed(
      "<rss version='2.0' xmlns:media='http://search.yahoo.com/mrss/'><channel><title>t</title>"
      "<tagline>Borrowed from Atom 0.3</tagline>"
      "<item><title>i</title><media:category>Music</media:category>"
      "<media:group><media:category>Live</media:category></media:group></item></channel></rss>");
  CHECK(feed.description == "Borrowed from Atom 0.3");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].categories == std::vector<std::string>{"Music", "Live"});
}
