// OPML as the exporters write it: Miniflux (2.0, folders), newsboat (1.0,
// flat, title only), FreshRSS (nested folders, category attribute, entities),
// Feedly (1.0, lower-case xmlurl); and our own export read back.
#include <catch2/catch.hpp>

#include "feeds/opml/opml.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

std::vector<OpmlFeed> fixture(const std::string& name) {
  return parse_opml(test::read_file(test::source_path("tests/fixtures/opml/" + name)));
}

}  // namespace

TEST_CASE("Miniflux: folders become tags") {
  const auto feeds = fixture("miniflux.opml");
  REQUIRE(feeds.size() == 3);
  CHECK(feeds[0].title == "Hugging Face Blog");
  CHECK(feeds[0].xml_url == "https://huggingface.co/blog/feed.xml");
  CHECK(feeds[0].html_url == "https://huggingface.co/blog");
  CHECK(feeds[0].tags == std::vector<std::string>{"AI"});
  CHECK(feeds[2].tags == std::vector<std::string>{"All"});
}

TEST_CASE("newsboat: a flat 1.0 list named by title") {
  const auto feeds = fixture("newsboat.opml");
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[1].title == "The Register");
  CHECK(feeds[1].tags.empty());
}

TEST_CASE("FreshRSS: nested folders, categories and entities") {
  const auto feeds = fixture("freshrss.opml");
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0].tags == std::vector<std::string>{"Tech", "Policy"});
  CHECK(feeds[1].title == "Ars Technica & AI");
  CHECK(feeds[1].tags == std::vector<std::string>{"Tech", "Reading", "Daily", "Later"});
}

TEST_CASE("Feedly: attribute names in any case") {
  const auto feeds = fixture("feedly.opml");
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[1].xml_url == "https://mistral.ai/feed.xml");
  CHECK(feeds[1].tags == std::vector<std::string>{"Open models"});
}

TEST_CASE("what write_opml writes, parse_opml reads back") {
  const std::vector<OpmlFeed> feeds{{"A & B", "https://a.example/feed", "", {"AI"}},
                                    {"C", "https://c.example/rss", "", {}}};
  const auto back = parse_opml(write_opml(feeds, "feedsieve"));
  REQUIRE(back.size() == 2);
  CHECK(back[0].title == "A & B");
  CHECK(back[0].tags == std::vector<std::string>{"AI"});
  CHECK(back[1].xml_url == "https://c.example/rss");
}

TEST_CASE("not OPML, or not XML, is an error that says so") {
  CHECK_THROWS_WITH(parse_opml("<rss><channel/></rss>"), Catch::Contains("no <opml><body>"));
  CHECK_THROWS_WITH(parse_opml("<opml><body><outline"), Catch::Contains("byte"));
}

TEST_CASE("folders nested without end are an error, not a crash") {
  std::string deep = "<opml><body>";
  for (int i = 0; i < 20'000; ++i) deep += "<outline text='f'>";
  deep += "<outline text='feed' xmlUrl='https://a.example/rss'/>";
  for (int i = 0; i < 20'000; ++i) deep += "</outline>";
  deep += "</body></opml>";
  CHECK_THROWS_WITH(parse_opml(deep), Catch::Contains("nested deeper than 100"));

  std::string folders = "<opml><body>";
  for (int i = 0; i < 100; ++i) folders += "<outline text='f" + std::to_string(i) + "'>";
  folders += "<outline text='feed' xmlUrl='https://a.example/rss'/>";
  for (int i = 0; i < 100; ++i) folders += "</outline>";
  folders += "</body></opml>";
  const auto feeds = parse_opml(folders);
  REQUIRE(feeds.size() == 1);
  CHECK(feeds[0].tags.size() == 100);
}
