// A kind = "html" feed polled by the real binary from a real HTTP server on
// 127.0.0.1: the page is scraped with the configured XPath selectors and its
// items stored like a feed's; a page whose layout changed fails the poll.
#include <catch2/catch.hpp>

#include "daemon/store/store.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

TEST_CASE("run --once scrapes a kind = \"html\" page into stored items", "[e2e][scrape]") {
  const std::string fixture = test::source_path("tests/fixtures/scrape/news_index.html").string();
  test::HttpServer server({
      {"/science/", {{"headers", {{"Content-Type", "text/html"}}}, {"body_file", fixture}}},
      {"/redesigned/", {{"headers", {{"Content-Type", "text/html"}}}, {"body", "<main><div class='tile'>x</div></main>"}}},
  });
  test::TempDir dir;
  std::string config = "[store]\npath = \"" + (dir / "store.db").string() + "\"\n[schedule]\nstartup_spread = \"0s\"\n";
  for (const std::string name : {"science", "redesigned"})
    config += "[[feeds]]\nname = \"" + name + "\"\nurl = \"" + server.url("/" + name + "/") +
              "\"\nkind = \"html\"\n"
              "item = \"//article[contains(concat(' ', normalize-space(@class), ' '), ' card ')]\"\n"
              "title = \".//h3\"\nlink = \".//a/@href\"\ndate = \".//time\"\nsummary = \".//p\"\n";
  test::write_file(dir / "feedsieve.toml", config);

  const auto run = test::run_feedsieve({"run", "--once", "--config", (dir / "feedsieve.toml").string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.err, Catch::Contains("2 feeds polled: 1 ok, 0 not modified, 1 failed; 5 new items"));
  CHECK_THAT(run.err, Catch::Contains("html page, 5 items"));

  const auto query =
      test::run_feedsieve({"query", "--config", (dir / "feedsieve.toml").string(), "--format", "json"});
  REQUIRE(query.exit_code == 0);
  const auto stories = boost::json::parse(query.out).as_array();
  REQUIRE(stories.size() == 5);
  bool found_lead = false;
  for (const auto& value : stories) {
    const auto& story = value.as_object();
    if (story.at("url") != "https://harbour-gazette.example/science/2026/12/01/fusion-record") continue;  // canonical: no www.
    found_lead = true;
    CHECK(story.at("title") == "Fusion reactor holds plasma for a record 22 minutes");
    CHECK(story.at("published") == "2026-12-01T08:30:00Z");
  }
  CHECK(found_lead);

  const auto feeds = Store(dir / "store.db", Store::Mode::read_only).feeds();
  REQUIRE(feeds.size() == 2);
  for (const auto& feed : feeds) {
    if (feed.name == "science") CHECK(feed.last_error.empty());
    if (feed.name == "redesigned") {
      CHECK_THAT(feed.last_error, Catch::Contains("/redesigned/: the item selector") &&
                                      Catch::Contains("matched nothing on the page"));
      CHECK(feed.error_count == 1);
    }
  }
}
