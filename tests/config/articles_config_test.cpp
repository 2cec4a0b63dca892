// [articles] and [[feeds]] fetch_article: values, inheritance from [fetch], errors at their line.
#include <catch2/catch.hpp>

#include "daemon/config/config.hpp"
#include "tests/config/config_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using namespace std::chrono_literals;

TEST_CASE("[articles] and fetch_article are read; pages inherit [fetch]'s identity and networks", "[config][articles]") {
  test::TempDir dir;
  const Config config = test::load_config_text(dir, R"(
[fetch]
user_agent = "probe/2"
allow_networks = ["10.0.0.0/8"]
[articles]
fetch = "on_topic"
max_per_poll = 3
deadline = "30s"
timeout = "7s"
connect_timeout = "2s"
max_body = "1MiB"
max_per_host = 2
min_interval = "3s"
max_crawl_delay = "10s"
robots_cache = "6h"
robots_retry = "10m"
retry_delay = "45s"
[[feeds]]
name = "all"
url = "https://a.example/feed"
fetch_article = true
[[feeds]]
name = "none"
url = "https://b.example/feed"
fetch_article = false
[[feeds]]
name = "default"
url = "https://c.example/feed"
)");
  const ArticleSettings& a = config.articles;
  CHECK(a.fetch == ArticleFetch::on_topic);
  CHECK(a.max_per_poll == 3);
  CHECK(a.deadline == 30s);
  CHECK(a.pages.limits.total_timeout == 7s);
  CHECK(a.pages.limits.connect_timeout == 2s);
  CHECK(a.pages.limits.max_body_bytes == 1024 * 1024);
  CHECK(a.pages.max_per_host == 2);
  CHECK(a.pages.min_interval == 3s);
  CHECK(a.pages.max_crawl_delay == 10s);
  CHECK(a.pages.robots_ttl == 6h);
  CHECK(a.pages.robots_retry == 10min);
  CHECK(a.pages.page_retry_delay == 45s);
  CHECK(a.pages.limits.user_agent == "probe/2");
  REQUIRE(a.pages.limits.allow_networks.size() == 1);
  CHECK(config.article_fetch_of(config.feeds[0]) == ArticleFetch::all);
  CHECK(config.article_fetch_of(config.feeds[1]) == ArticleFetch::off);
  CHECK(config.article_fetch_of(config.feeds[2]) == ArticleFetch::on_topic);
}

TEST_CASE("without [articles] nothing is fetched and pages are polite by default", "[config][articles]") {
  test::TempDir dir;
  const Config config = test::load_config_text(dir, "[[feeds]]\nurl = \"https://a.example/feed\"\n");
  CHECK(config.article_fetch_of(config.feeds[0]) == ArticleFetch::off);
  CHECK(config.articles.pages.max_per_host == 1);
  CHECK(config.articles.pages.min_interval == 1s);
  CHECK(config.articles.pages.robots_ttl == 24h);
}

TEST_CASE("bad [articles] values are errors at their line", "[config][articles]") {
  CHECK_THAT(test::config_error_of("[[feeds]]\nurl = \"https://a.example/\"\nfetch_article = \"yes\"\n"),
             Catch::Contains(":3:17: error: 'feeds.fetch_article' must be true (every new item), \"on_topic\""));
  CHECK_THAT(test::config_error_of("[articles]\nfetch = 1\n"), Catch::Contains(":2:9: error: 'articles.fetch' must be true"));
  CHECK_THAT(test::config_error_of("[articles]\nmax_per_host = 3\n"), Catch::Contains(":2:16: error: 'articles.max_per_host'"));
  CHECK_THAT(test::config_error_of("[articles]\nrobots = \"1h\"\n"), Catch::Contains(":2:1: error: unknown key 'robots' in [articles]"));
}
