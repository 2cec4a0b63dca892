// Microsoft's Channel Definition Format: still read, as the reference parser reads it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "feeds/date/date.hpp"
#include "feeds/parse/parse.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

TEST_CASE("a CDF channel's items, nested channels' too, in document order", "[parse][cdf]") {
  const ParsedFeed feed = parse_feed(test::feed_fixture("cdf-nested-channels.xml"));
  CHECK(feed.format == FeedFormat::cdf);
  CHECK(format_name(feed.format) == "cdf");
  CHECK(feed.title == "CDF news");
  CHECK(feed.description == "Headlines, the 1997 way");
  CHECK(feed.link == "http://cdf.example.com/");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].title == "First item");
  CHECK(feed.items[0].summary == "The first one");
  CHECK(feed.items[0].link == "http://cdf.example.com/news/first.htm");  // against the channel's BASE
  REQUIRE(feed.items[0].updated.has_value());
  CHECK(format_rfc3339(*feed.items[0].updated) == "1997-11-28T14:30:00Z");
  CHECK(feed.items[1].link == "http://cdf.example.com/news/sports/match.htm");  // a nested BASE, resolved
  CHECK(feed.items[2].title == "Last item");  // names in any case
  CHECK(feed.items[2].link == "http://cdf.example.com/last.htm");
  CHECK_FALSE(feed.items[2].updated.has_value());
  CHECK(feed.items[0].id != feed.items[1].id);
  CHECK(std::find(feed.warnings.begin(), feed.warnings.end(), "unparseable date \"soon\"") != feed.warnings.end());
}

TEST_CASE("a lower-case <channel> root is RSS without its wrapper; any other case is CDF", "[parse][cdf]") {
  CHECK(parse_feed("<Channel><Title>t</Title></Channel>").format == FeedFormat::cdf);
  const ParsedFeed feed = parse_feed("<channel><title>t</title><item><title>i</title></item></channel>");
  CHECK(feed.format == FeedFormat::rss20);
  CHECK(feed.items.size() == 1);
}

TEST_CASE("a CDF BASE longer than any URL is left out, not copied into every item", "[parse][cdf][hostile]") {
  std::string items;
  for (int i = 0; i < 50; ++i) items += "<ITEM HREF=\"p" + std::to_string(i) + ".htm\"><TITLE>i</TITLE></ITEM>";
  const ParsedFeed feed =
      parse_feed("<CHANNEL BASE=\"http://cdf.example.com/" + std::string(100'000, 'a') + "/\">" + items + "</CHANNEL>");
  REQUIRE(feed.items.size() == 50);
  CHECK(feed.items[0].link == "p0.htm");
}
