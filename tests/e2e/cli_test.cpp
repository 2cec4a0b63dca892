// The command line as scripts see it: exit codes, help for every verb, config checks.
#include <catch2/catch.hpp>

#include "tests/support/support.hpp"

using feedsieve::test::run_feedsieve;
using feedsieve::test::TempDir;
using feedsieve::test::write_file;

TEST_CASE("--version names feedsieve and its version", "[e2e][cli]") {
  const auto result = run_feedsieve({"--version"});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::StartsWith("feedsieve 0."));
}

TEST_CASE("every verb has help", "[e2e][cli]") {
  const auto overview = run_feedsieve({"help"});
  CHECK(overview.exit_code == 0);
  for (const std::string verb : {"run", "check-config", "query", "parse", "explain", "rescore", "extract", "discover", "status", "feeds", "prune"}) {
    CAPTURE(verb);
    CHECK_THAT(overview.out, Catch::Contains(verb));
    const auto help = run_feedsieve({verb, "--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("Usage:") && Catch::Contains(verb));
    const auto via_help = run_feedsieve({"help", verb});
    CHECK(via_help.exit_code == 0);
    CHECK(via_help.out == help.out);
  }
  const auto nested = run_feedsieve({"help", "feeds", "add"});
  CHECK(nested.exit_code == 0);
  CHECK(nested.out == run_feedsieve({"feeds", "add", "--help"}).out);
  CHECK_THAT(nested.out, Catch::Contains("feedsieve feeds add"));
}

TEST_CASE("wrong usage exits 2 with a message", "[e2e][cli]") {
  CHECK(run_feedsieve({}).exit_code == 2);
  const auto unknown = run_feedsieve({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::StartsWith("feedsieve: unknown verb 'frobnicate'; the verbs are: run, "));
  const auto sub = run_feedsieve({"feeds", "import", "x.opml"});
  CHECK(sub.exit_code == 2);
  CHECK_THAT(sub.err, Catch::Contains("feedsieve feeds: unknown verb 'import'; the verbs are: list, add") &&
                          Catch::Contains("Run 'feedsieve feeds --help'"));
  CHECK(run_feedsieve({"feeds", "list", "--help"}).exit_code == 0);
  CHECK(run_feedsieve({"query", "--format", "xml"}).exit_code == 2);
  CHECK(run_feedsieve({"help", "frobnicate"}).exit_code == 2);
  const auto nested = run_feedsieve({"help", "feeds", "frobnicate"});
  CHECK(nested.exit_code == 2);
  CHECK_THAT(nested.err, Catch::Contains("unknown verb 'frobnicate' of feedsieve feeds"));
  // --json shapes --batch output; on one file it would be silently ignored.
  CHECK(run_feedsieve({"parse", "feed.xml", "--json"}).exit_code == 2);
}

TEST_CASE("check-config accepts the shipped config", "[e2e][cli]") {
  const auto result = run_feedsieve({"check-config", "--config", feedsieve::test::source_path("config/feedsieve.toml")});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("ok: 15 feeds"));
}

TEST_CASE("check-config names file:line:col and never touches the store", "[e2e][cli]") {
  TempDir dir;
  const auto config = dir / "bad.toml";
  write_file(config, "[store]\npath = \"" + (dir / "store.db").string() + "\"\n[[feeds]]\nurl = \"https://a.example/\"\nnmae = \"x\"\n");
  const auto result = run_feedsieve({"check-config", "--config", config.string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains(config.string() + ":5:1: error: unknown key 'nmae'"));
  CHECK_FALSE(std::filesystem::exists(dir / "store.db"));
  const auto run = run_feedsieve({"run", "--once", "--config", config.string()});
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::Contains("unknown key 'nmae'"));
  CHECK_FALSE(std::filesystem::exists(dir / "store.db"));
}

TEST_CASE("a store that cannot be opened is a clear fatal error", "[e2e][cli]") {
  TempDir dir;
  const auto config = dir / "feedsieve.toml";
  write_file(config, "[store]\npath = \"" + (dir / "no" / "such" / "dir" / "store.db").string() + "\"\n");
  const auto run = run_feedsieve({"run", "--once", "--config", config.string()});
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::Contains((dir / "no" / "such" / "dir" / "store.db").string()));
  const auto query = run_feedsieve({"query", "--config", config.string()});
  CHECK(query.exit_code == 1);
  CHECK_THAT(query.err, Catch::Contains("store.db"));
}

TEST_CASE("parse prints a feed as JSON and refuses what is not a feed", "[e2e][cli]") {
  TempDir dir;
  write_file(dir / "feed.xml",
             "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://a.example/</link>"
             "<item><title>One &amp; two</title><link>/one</link><guid>g1</guid>"
             "<pubDate>Wed, 01 May 2024 10:00:00 +0200</pubDate></item></channel></rss>");
  const auto ok = run_feedsieve({"parse", (dir / "feed.xml").string(), "--url", "https://a.example/feed.xml"});
  REQUIRE(ok.exit_code == 0);
  const auto json = boost::json::parse(ok.out).as_object();
  CHECK(json.at("format") == "rss2.0");
  const auto& item = json.at("items").as_array().at(0).as_object();
  CHECK(item.at("title") == "One & two");
  CHECK(item.at("link") == "https://a.example/one");
  CHECK(item.at("published") == "2024-05-01T08:00:00Z");

  write_file(dir / "page.html", "<!doctype html><html><body><p>hello</p></body></html>");
  const auto not_feed = run_feedsieve({"parse", (dir / "page.html").string()});
  CHECK(not_feed.exit_code == 1);
  CHECK(not_feed.out.empty());
  CHECK(std::count(not_feed.err.begin(), not_feed.err.end(), '\n') == 1);
  CHECK(run_feedsieve({"parse", (dir / "absent.xml").string()}).exit_code == 1);
}
