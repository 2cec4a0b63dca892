// `feeds import-opml` through the real binary with each exporter's file: the
// config gains one [[feeds]] block per web feed, folders as tags, and the
// sources that are not web feeds (newsboat's exec: and filter:) are named
// and skipped instead of failing the whole import.
#include <catch2/catch.hpp>

#include "daemon/config/config.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

struct Imported {
  test::ProcessResult result;
  Config config;
};

Imported import(const std::string& fixture) {
  test::TempDir dir;
  const auto path = dir / "feedsieve.toml";
  const std::string before = "# my feeds\n[store]\npath = \"x.db\"  # kept\n";
  test::write_file(path, before);
  auto result = test::run_feedsieve(
      {"feeds", "import-opml", test::source_path("tests/fixtures/opml/" + fixture).string(), "--config", path.string()});
  CHECK(test::read_file(path).substr(0, before.size()) == before);
  return {std::move(result), load_config(path)};
}

const FeedConfig& named(const Config& config, const std::string& name) {
  for (const auto& feed : config.feeds)
    if (feed.name == name) return feed;
  FAIL("no feed named " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("import-opml reads each exporter's file into [[feeds]] blocks with folder tags") {
  SECTION("Miniflux") {
    const auto imported = import("miniflux.opml");
    REQUIRE(imported.result.exit_code == 0);
    CHECK(imported.config.feeds.size() == 3);
    CHECK(named(imported.config, "LWN.net").tags == std::vector<std::string>{"All"});
  }
  SECTION("newsboat") {
    const auto imported = import("newsboat.opml");
    REQUIRE(imported.result.exit_code == 0);
    CHECK(named(imported.config, "The Register").url == "https://www.theregister.com/headlines.atom");
  }
  SECTION("FreshRSS") {
    const auto imported = import("freshrss.opml");
    REQUIRE(imported.result.exit_code == 0);
    CHECK(named(imported.config, "Ars Technica & AI").tags ==
          std::vector<std::string>{"Tech", "Reading", "Daily", "Later"});
  }
  SECTION("Feedly") {
    const auto imported = import("feedly.opml");
    REQUIRE(imported.result.exit_code == 0);
    CHECK(named(imported.config, "Mistral AI").tags == std::vector<std::string>{"Open models"});
  }
}

TEST_CASE("import-opml skips newsboat's exec: and filter: sources and names them") {
  const auto imported = import("newsboat-exec-filter.opml");
  INFO(imported.result.err);
  REQUIRE(imported.result.exit_code == 0);
  CHECK(imported.result.out.find("imported 2 feeds (0 already configured)") != std::string::npos);
  CHECK(imported.result.out.find("skipped exec:~/.newsboat/scripts/mastodon-to-rss.sh: not an http") !=
        std::string::npos);
  CHECK(imported.result.out.find("skipped filter:") != std::string::npos);
  REQUIRE(imported.config.feeds.size() == 2);
  CHECK(named(imported.config, "Hacker News: open weights").url == "https://hnrss.org/newest?q=open+weights&points=50");
}
