#include <catch2/catch.hpp>
#include <cstdlib>

#include "daemon/config/config.hpp"
#include "tests/config/config_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::TempDir;
using feedsieve::test::write_file;

TEST_CASE("the shipped config is valid and lists real feeds", "[config]") {
  const Config config = load_config(test::source_path("config/feedsieve.toml"));
  CHECK(config.feeds.size() >= 14);
  for (const auto& feed : config.feeds) {
    CHECK(feed.url.rfind("https://", 0) == 0);
    CHECK_FALSE(feed.name.empty());
  }
}

TEST_CASE("a full config is read into its values", "[config]") {
  TempDir dir;
  const Config config = test::load_config_text(dir, R"(
[store]
path = "/var/lib/x/store.db"
[log]
level = "debug"
[fetch]
connect_timeout = "3s"
timeout = "1m"
max_body = "2MiB"
max_redirects = 3
max_concurrent = 8
max_per_host = 1
user_agent = "test-agent"
[schedule]
interval = "15m"
jitter = 0.2
backoff_base = "1m"
backoff_max = "1d"
startup_spread = "0s"
shutdown_grace = "5s"
[canonical]
extra_tracking_parameters = ["src"]
[[feeds]]
name = "one"
url = "https://example.com/feed.xml"
interval = "5m"
tags = ["ai", "news"]
[[feeds]]
url = "http://example.org/rss"
enabled = false
)");
  CHECK(config.store_path == "/var/lib/x/store.db");
  CHECK(config.log_level == "debug");
  CHECK(config.fetch.connect_timeout == std::chrono::seconds(3));
  CHECK(config.fetch.total_timeout == std::chrono::minutes(1));
  CHECK(config.fetch.max_body_bytes == 2U * 1024 * 1024);
  CHECK(config.fetch.max_redirects == 3);
  CHECK(config.fetch.max_concurrent == 8);
  CHECK(config.fetch.max_per_host == 1);
  CHECK(config.fetch.user_agent == "test-agent");
  CHECK(config.schedule.interval == std::chrono::minutes(15));
  CHECK(config.schedule.jitter == Approx(0.2));
  CHECK(config.schedule.backoff_max == std::chrono::hours(24));
  CHECK(config.schedule.startup_spread == std::chrono::seconds(0));
  CHECK(config.canonical.tracking_parameters.back() == "src");
  REQUIRE(config.feeds.size() == 2);
  CHECK(config.feeds[0].name == "one");
  CHECK(config.interval_of(config.feeds[0]) == std::chrono::minutes(5));
  CHECK(config.feeds[0].tags == std::vector<std::string>{"ai", "news"});
  CHECK(config.feeds[1].name == "http://example.org/rss");  // the name defaults to the URL
  CHECK_FALSE(config.feeds[1].enabled);
  CHECK(config.interval_of(config.feeds[1]) == std::chrono::minutes(15));
}

TEST_CASE("an empty config has working defaults", "[config]") {
  TempDir dir;
  const Config config = test::load_config_text(dir, "");
  CHECK(config.feeds.empty());
  CHECK(config.store_path == "feedsieve.db");
  CHECK(config.fetch.max_redirects == 5);
}

TEST_CASE("config errors name the file, line and column", "[config]") {
  SECTION("an unknown key") {
    const auto message = test::config_error_of("[fetch]\ntimeout = \"5s\"\n  timeuot = \"5s\"\n");
    CHECK_THAT(message, Catch::Contains("feedsieve.toml:3:3: error: unknown key 'timeuot' in [fetch]"));
    CHECK_THAT(message, Catch::Contains("known keys:"));
  }
  SECTION("an unknown section") {
    CHECK_THAT(test::config_error_of("[fetc]\n"), Catch::Contains(":1:2: error: unknown key 'fetc' in the top level"));
  }
  SECTION("an unknown key in a feed") {
    CHECK_THAT(test::config_error_of("[[feeds]]\nurl = \"https://a.example/\"\nintervall = \"5m\"\n"),
               Catch::Contains(":3:1: error: unknown key 'intervall' in [[feeds]] #1"));
  }
  SECTION("a TOML syntax error") {
    CHECK_THAT(test::config_error_of("[store]\npath = \"unterminated\n"), Catch::Contains("feedsieve.toml:2:"));
  }
  SECTION("a wrong type") {
    CHECK_THAT(test::config_error_of("[fetch]\nmax_redirects = \"five\"\n"),
               Catch::Contains(":2:17: error: 'fetch.max_redirects' must be a whole number"));
  }
  SECTION("a bad duration") {
    CHECK_THAT(test::config_error_of("[schedule]\ninterval = \"soon\"\n"),
               Catch::Contains(":2:12: error: 'schedule.interval' must be a duration"));
  }
  SECTION("a duration too long to add to a clock") {
    CHECK_THAT(test::config_error_of("[schedule]\ninterval = \"20000w\"\n"),
               Catch::Contains(":2:12: error: 'schedule.interval' must be at most 100 years"));
    CHECK_THAT(test::config_error_of("[fetch]\ntimeout = 99999999999\n"),
               Catch::Contains(":2:11: error: 'fetch.timeout' must be at most 100 years"));
  }
  SECTION("a feed without a url") {
    CHECK_THAT(test::config_error_of("[[feeds]]\nname = \"x\"\n"), Catch::Contains("has no 'url'"));
  }
  SECTION("a feed url that is not http") {
    CHECK_THAT(test::config_error_of("[[feeds]]\nurl = \"file:///etc/passwd\"\n"),
               Catch::Contains(":2:7: error: 'feeds.url' must be an absolute http:// or https:// URL"));
  }
  SECTION("two feeds with one name") {
    CHECK_THAT(test::config_error_of("[[feeds]]\nname = \"a\"\nurl = \"https://a.example/\"\n"
                        "[[feeds]]\nname = \"a\"\nurl = \"https://b.example/\"\n"),
               Catch::Contains("two feeds are named \"a\""));
  }
  SECTION("an unknown log level") {
    CHECK_THAT(test::config_error_of("[log]\nlevel = \"loud\"\n"), Catch::Contains("'log.level' must be one of"));
  }
  SECTION("jitter out of range") {
    CHECK_THAT(test::config_error_of("[schedule]\njitter = 2.0\n"), Catch::Contains("'schedule.jitter' must be a number from 0"));
  }
}

TEST_CASE("a missing config file is a clear error", "[config]") {
  TempDir dir;
  CHECK_THROWS_WITH(load_config(dir / "absent.toml"), Catch::Contains("absent.toml: error: cannot read"));
  CHECK_THROWS_WITH(find_config(dir / "absent.toml"), Catch::Contains("no such config file"));
}

TEST_CASE("an explicit --config wins over the search path", "[config]") {
  TempDir dir;
  write_file(dir / "mine.toml", "");
  CHECK(find_config(dir / "mine.toml") == dir / "mine.toml");
}

TEST_CASE("a relative store path lives in the state directory under systemd", "[config]") {
  CHECK(resolve_store_path("/abs/x.db") == "/abs/x.db");
  ::setenv("STATE_DIRECTORY", "/var/lib/feedsieve:/var/lib/other", 1);
  CHECK(resolve_store_path("x.db") == "/var/lib/feedsieve/x.db");
  ::unsetenv("STATE_DIRECTORY");
  CHECK(resolve_store_path("x.db") == "x.db");
}
