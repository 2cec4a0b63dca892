// RSS 1.0 (RDF) and RSS 0.90 parsing.
#include <catch2/catch.hpp>

#include "feeds/date/date.hpp"
#include "feeds/parse/parse.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

TEST_CASE("an RSS 1.0 item uses rdf:about as its id and reads its modules", "[parse][rdf]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("rdf-rss10-with-modules.xml"));
  CHECK(feed.format == FeedFormat::rss10);
  CHECK(format_name(feed.format) == "rss1.0");
  CHECK(feed.title == "RDF site");
  CHECK(feed.description == "RSS 1.0 & modules");
  CHECK(feed.link == "http://example.org/");
  REQUIRE(feed.items.size() == 1);
  const Item& item = feed.items[0];
  CHECK(item.id == "http://example.org/1");
  CHECK(item.title == "First item");
  CHECK(item.authors == std::vector<std::string>{"Ann Author"});
  CHECK(item.categories == std::vector<std::string>{"Science"});
  CHECK(item.content.find("Body") != std::string::npos);
  REQUIRE(item.published.has_value());
  CHECK(format_rfc3339(*item.published) == "2004-01-01T18:48:21Z");
}

TEST_CASE("RSS 0.90 is RDF in the Netscape namespace", "[parse][rdf]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("rss090-netscape-rdf.xml"));
  CHECK(feed.format == FeedFormat::rss090);
  CHECK(format_name(feed.format) == "rss0.9x");
  CHECK(feed.title == "Ninety");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].link == "http://example.com/old");
  // With no channel yet, the namespace the root declares tells the two apart.
  const std::string rdf = "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='";
  CHECK(parse_feed(rdf + "http://my.netscape.com/rdf/simple/0.9/'></rdf:RDF>").format == FeedFormat::rss090);
  CHECK(parse_feed(rdf + "http://purl.org/rss/1.0/'></rdf:RDF>").format == FeedFormat::rss10);
}

TEST_CASE("an RSS 1.0 item ignores an extension's element of a core name", "[parse][rdf]") {
  const ParsedFeed feed = parse_feed(
      "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns:rss='http://purl.org/rss/1.0/'"
      " xmlns:ext='http://ext.example.org/ns'><rss:channel rdf:about='http://example.org/'><rss:title>C</rss:title>"
      "</rss:channel><rss:item rdf:about='http://example.org/1'><ext:description>wrong</ext:description>"
      "<rss:description>right</rss:description><ext:description>wrong again</ext:description></rss:item></rdf:RDF>");
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].summary == "right");
}
