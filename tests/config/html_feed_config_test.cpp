// kind = "html" feeds: selectors read and compiled at load, errors at their line.
#include <catch2/catch.hpp>

#include "daemon/config/config.hpp"
#include "tests/config/config_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

const std::string kHead = "# a site without a feed\n[[feeds]]\nname = \"gazette\"\nurl = \"https://g.example/science/\"\n";

}  // namespace

TEST_CASE("an html feed's selectors are read, with the default link selector", "[config][scrape]") {
  test::TempDir dir;
  test::write_file(dir / "feedsieve.toml",
                   kHead + "kind = \"html\"\nitem = \"//article\"\ntitle = \".//h3\"\ndate = \".//time\"\n"
                           "[[feeds]]\nurl = \"https://f.example/feed.xml\"\n");
  const Config config = load_config(dir / "feedsieve.toml");
  REQUIRE(config.feeds.size() == 2);
  CHECK(config.feeds[0].kind == FeedKind::html);
  CHECK(config.feeds[0].selectors ==
        PageSelectors{.item = "//article", .title = ".//h3", .date = ".//time", .summary = ""});
  CHECK(config.feeds[0].selectors.link == "descendant-or-self::a[@href]");
  CHECK(config.feeds[1].kind == FeedKind::feed);
}

TEST_CASE("a selector that is not XPath 1.0 is an error at its line and column", "[config][scrape]") {
  const auto message =
      test::config_error_of(kHead + "kind = \"html\"\nitem = \"//article\"\ntitle = \".//h3\"\n  summary = \".//p[@class='x'\"\n");
  CHECK_THAT(message, Catch::Contains("feedsieve.toml:8:13: error: 'feeds.summary' is not an XPath 1.0 expression"));
  CHECK_THAT(message, Catch::Contains("at character 16 of \".//p[@class='x'\""));
}

TEST_CASE("html feeds need item and title; feeds reject selectors; kind is checked", "[config][scrape]") {
  CHECK_THAT(test::config_error_of(kHead + "kind = \"html\"\ntitle = \"h2\"\n"),
             Catch::Contains(":2:1: error: [[feeds]] #1 is kind = \"html\" and needs 'item'"));
  CHECK_THAT(test::config_error_of(kHead + "kind = \"html\"\nitem = \"count(//a)\"\ntitle = \"h2\"\n"),
             Catch::Contains(":6:8: error: 'feeds.item' is not an XPath 1.0 expression: it computes a value"));
  CHECK_THAT(test::config_error_of(kHead + "item = \"//article\"\n"),
             Catch::Contains(":5:8: error: 'feeds.item' is a selector of kind = \"html\" feeds"));
  CHECK_THAT(test::config_error_of(kHead + "kind = \"page\"\n"), Catch::Contains(":5:8: error: 'feeds.kind' must be \"feed\""));
}
