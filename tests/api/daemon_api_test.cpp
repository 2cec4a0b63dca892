// End to end: `feedsieve run` with [api] enabled polls a loopback feed, and
// the API it serves answers over a real socket.
#include <signal.h>

#include <catch2/catch.hpp>
#include <set>

#include "tests/api/http_client.hpp"
#include "tests/support/feed_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

constexpr const char* token = "e2e-token-0123456789abcdef";

const test::HeaderList authorized{{"Authorization", std::string("Bearer ") + token}};

// The address the daemon logged: "api: listening on http://127.0.0.1:PORT".
std::string logged_address(const std::string& log) {
  constexpr std::string_view marker = "api: listening on ";
  const auto at = log.find(marker);
  REQUIRE(at != std::string::npos);
  const auto start = at + marker.size();
  return log.substr(start, log.find('\n', start) - start);
}

std::vector<test::Entry> entries(int count) {
  std::vector<test::Entry> out;
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    out.push_back({"id-" + n, "Open weights story " + n, "https://news.example/" + n,
                   "Wed, 01 May 2024 " + std::string(i < 10 ? "0" : "") + n + ":00:00 GMT"});
  }
  return out;
}

std::string metric(const std::string& text, const std::string& name) {
  const auto at = text.find("\n" + name + " ");
  REQUIRE(at != std::string::npos);
  const auto start = at + name.size() + 2;
  return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("feedsieve run serves the HTTP API: stories, pages, feed.atom 304, metrics, token, cursor",
          "[api][e2e]") {
  test::TempDir dir;
  test::HttpServer server({{"/feed.xml", {{"body", test::rss_document("Loop", entries(7))}}}});
  const auto config = dir / "feedsieve.toml";
  test::write_file(config, "[store]\npath = \"" + (dir / "store.db").string() +
                               "\"\n[schedule]\nstartup_spread = \"0s\"\ninterval = \"1h\"\n"
                               "[api]\nenabled = true\nlisten = \"127.0.0.1:0\"\ntoken = \"" +
                               token + "\"\n[[feeds]]\nname = \"loop\"\nurl = \"" + server.url("/feed.xml") + "\"\n");
  test::BackgroundProcess daemon(FEEDSIEVE_BINARY, {"run", "--config", config.string()});
  REQUIRE(daemon.wait_for_stderr("api: listening on http://127.0.0.1:"));
  REQUIRE(daemon.wait_for_stderr("\n"));
  const std::string address = logged_address(daemon.err());
  REQUIRE(daemon.wait_for_stderr("feed 'loop': "));  // the poll is stored
  REQUIRE(daemon.wait_for_stderr("7 new"));

  // Pages of 3: 3 + 3 + 1, newest first, no duplicates or gaps.
  std::vector<std::string> titles;
  std::string target = "/api/stories?limit=3";
  int pages = 0;
  while (true) {
    const auto reply = test::http_get(address, target, authorized);
    REQUIRE(reply.status == 200);
    const auto page = boost::json::parse(reply.body);
    for (const auto& story : page.at("stories").as_array()) titles.emplace_back(story.at("title").as_string());
    ++pages;
    if (page.at("next_cursor").is_null()) break;
    target = "/api/stories?limit=3&cursor=" + std::string(page.at("next_cursor").as_string());
  }
  CHECK(pages == 3);
  std::vector<std::string> expected;
  for (int i = 6; i >= 0; --i) expected.push_back("Open weights story " + std::to_string(i));
  CHECK(titles == expected);

  const auto atom = test::http_get(address, "/feed.atom", authorized);
  REQUIRE(atom.status == 200);
  CHECK_THAT(atom.body, Catch::Contains("<title>Open weights story 6</title>"));
  auto conditional = authorized;
  conditional.emplace_back("If-None-Match", atom.header("etag"));
  CHECK(test::http_get(address, "/feed.atom", conditional).status == 304);

  const auto metrics = test::http_get(address, "/metrics", authorized);
  REQUIRE(metrics.status == 200);
  CHECK(metric(metrics.body, "feedsieve_polls_total{result=\"ok\"}") == "1");
  CHECK(metric(metrics.body, "feedsieve_fetch_responses_total{code=\"200\"}") == "1");
  CHECK(metric(metrics.body, "feedsieve_items_created_total") == "7");
  CHECK(metric(metrics.body, "feedsieve_stories_created_total") == "7");
  CHECK(metric(metrics.body, "feedsieve_fetch_duration_seconds_count") == "1");
  CHECK(metric(metrics.body, "feedsieve_parse_duration_seconds_count") == "1");
  CHECK(metric(metrics.body, "feedsieve_polls_in_flight") == "0");
  CHECK(std::stoll(metric(metrics.body, "feedsieve_fetched_bytes_total")) > 500);
  CHECK(std::stoll(metric(metrics.body, "feedsieve_store_size_bytes")) > 0);

  const auto bad_token = test::http_get(address, "/api/stories", {{"Authorization", "Bearer wrong-token-000000000"}});
  CHECK(bad_token.status == 401);
  CHECK_FALSE(bad_token.header("www-authenticate").empty());
  const auto bad_cursor = test::http_get(address, "/api/stories?cursor=nonsense", authorized);
  CHECK(bad_cursor.status == 400);
  CHECK_THAT(bad_cursor.body, Catch::Contains("'cursor'"));

  const auto feeds = test::http_get(address, "/api/feeds", authorized);
  REQUIRE(feeds.status == 200);
  CHECK(boost::json::parse(feeds.body).at("feeds").at(0).at("name") == "loop");

  daemon.signal(SIGTERM);
  CHECK(daemon.wait() == 0);
  CHECK_THAT(daemon.err(), Catch::Contains("api: stopped"));
}

TEST_CASE("feedsieve run refuses an [api] it cannot listen on", "[api][e2e]") {
  test::TempDir dir;
  const auto config = dir / "feedsieve.toml";
  test::write_file(config, "[store]\npath = \"" + (dir / "store.db").string() +
                               "\"\n[api]\nenabled = true\nlisten = \"unix:" + (dir / "no/such/dir/api.sock").string() +
                               "\"\n");
  const auto result = test::run_feedsieve({"run", "--config", config.string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("api: cannot listen on unix:"));
}
